-- Nothing reads accounts by last login any more since the inactivity sweep moved to the
-- warehouse; the index only cost writes on every sign-in.
DROP INDEX accounts_last_login_at;
