-- "Reported by me" and profile URLs (/@handle) got slow once the tracker had real users.
CREATE INDEX CONCURRENTLY issues_reporter_id ON issues (reporter_id);
ALTER TABLE accounts ADD CONSTRAINT accounts_handle_key UNIQUE (handle);
