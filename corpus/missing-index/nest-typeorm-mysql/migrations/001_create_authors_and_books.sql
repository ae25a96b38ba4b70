CREATE TABLE authors (
  id INTEGER NOT NULL PRIMARY KEY,
  name VARCHAR(120) NOT NULL,
  country CHAR(2)
);

CREATE TABLE books (
  id INTEGER NOT NULL PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id), -- ok: unindexed-foreign-key
  title VARCHAR(200) NOT NULL,
  isbn CHAR(13) NOT NULL UNIQUE,
  published_on DATE
);
