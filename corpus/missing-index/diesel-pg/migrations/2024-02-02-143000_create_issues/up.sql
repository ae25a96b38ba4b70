CREATE TABLE issues (
    id           BIGSERIAL PRIMARY KEY,
    project_id   BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,  -- ok: unindexed-foreign-key
    number       INTEGER NOT NULL,
    title        TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'open',
    priority     SMALLINT NOT NULL DEFAULT 2,
    reporter_id  BIGINT NOT NULL REFERENCES accounts (id),  -- ok: unindexed-foreign-key
    assignee_id  BIGINT REFERENCES accounts (id) ON DELETE SET NULL,  -- expect: unindexed-foreign-key
    opened_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at    TIMESTAMPTZ
);

CREATE INDEX issues_project_state_opened ON issues (project_id, state, opened_at DESC);

CREATE TABLE comments (
    id          BIGSERIAL PRIMARY KEY,
    issue_id    BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,  -- ok: unindexed-foreign-key
    author_id   BIGINT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT comments_author_fk FOREIGN KEY (author_id) REFERENCES accounts (id)  -- expect: unindexed-foreign-key
);

CREATE INDEX comments_issue_created ON comments (issue_id, created_at);
