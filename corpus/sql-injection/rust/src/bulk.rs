//! Bulk lookups: IN lists built from placeholders, not from values.
use rusqlite::{params_from_iter, Connection, Result};

pub fn notes_by_ids(conn: &Connection, ids: &[i64]) -> Result<usize> {
    let marks = ids.iter().map(|_| "?").collect::<Vec<_>>().join(", ");
    conn.execute(&format!("DELETE FROM notes WHERE id IN ({marks})"), params_from_iter(ids)) // ok: sql-injection
}

pub fn notes_by_tags(conn: &Connection, tags: &[String]) -> Result<usize> {
    let list = tags.iter().map(|t| format!("'{}'", t)).collect::<Vec<_>>().join(", ");
    conn.execute(&format!("DELETE FROM notes WHERE tag IN ({})", list), []) // expect: sql-injection
}
