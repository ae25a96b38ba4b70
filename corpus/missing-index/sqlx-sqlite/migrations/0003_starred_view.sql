-- The starred page sorts by date; one index on (starred, published_at) serves it, and the
-- single-column one it replaces served nothing else.
DROP INDEX IF EXISTS entries_published_at;
CREATE INDEX IF NOT EXISTS entries_starred_published ON entries (starred, published_at DESC);
