ALTER TABLE accounts DROP CONSTRAINT accounts_handle_key;
DROP INDEX CONCURRENTLY issues_reporter_id;
