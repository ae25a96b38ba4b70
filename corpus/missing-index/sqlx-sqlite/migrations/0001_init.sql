CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    url              TEXT NOT NULL UNIQUE,
    title            TEXT,
    folder           TEXT,
    last_fetched_at  INTEGER,
    etag             TEXT
);

CREATE TABLE entries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,  -- ok: unindexed-foreign-key
    guid          TEXT NOT NULL,
    title         TEXT NOT NULL,
    link          TEXT,
    published_at  INTEGER NOT NULL,
    read          INTEGER NOT NULL DEFAULT 0,
    starred       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, guid)
);

CREATE INDEX IF NOT EXISTS entries_published_at ON entries (published_at);
