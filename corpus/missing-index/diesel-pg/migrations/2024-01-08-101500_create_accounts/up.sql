CREATE TABLE accounts (
    id             BIGSERIAL PRIMARY KEY,
    email          TEXT NOT NULL,
    handle         TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'pending',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at  TIMESTAMPTZ,
    CONSTRAINT accounts_email_key UNIQUE (email)
);

SELECT track_updated_at('accounts');

CREATE INDEX accounts_last_login_at ON accounts (last_login_at);
