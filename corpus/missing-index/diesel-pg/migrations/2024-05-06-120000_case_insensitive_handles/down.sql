DROP INDEX accounts_lower_handle;
