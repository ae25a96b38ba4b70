CREATE INDEX accounts_last_login_at ON accounts (last_login_at);
