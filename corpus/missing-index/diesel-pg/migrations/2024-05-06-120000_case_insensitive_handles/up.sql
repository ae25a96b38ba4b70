-- Profile URLs match handles without case (/@Ada and /@ada are one account).
CREATE UNIQUE INDEX accounts_lower_handle ON accounts (lower(handle));
