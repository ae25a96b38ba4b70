CREATE TABLE tags (
    name   TEXT PRIMARY KEY,
    color  TEXT NOT NULL DEFAULT '#888888'
) WITHOUT ROWID;

CREATE TABLE entry_tags (
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,  -- ok: unindexed-foreign-key
    tag       TEXT NOT NULL REFERENCES tags (name) ON DELETE CASCADE,  -- expect: unindexed-foreign-key
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE fetch_log (
    id          INTEGER PRIMARY KEY,
    feed_id     INTEGER NOT NULL,
    fetched_at  INTEGER NOT NULL,
    status      INTEGER NOT NULL,
    FOREIGN KEY (feed_id) REFERENCES feeds (id)  -- expect: unindexed-foreign-key
);
