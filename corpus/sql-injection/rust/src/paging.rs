//! Paged listings: sizes parsed to numbers before they reach SQL text.
use rusqlite::{params, Connection, Result};

pub fn page_of_notes(conn: &Connection, size: &str, offset: &str) -> Result<Vec<i64>> {
    // Macro arguments are token trees, not expressions: the parse::<u32>() is not seen yet.
    let mut stmt = conn.prepare(&format!( // todo-ok: sql-injection
        "SELECT id FROM notes ORDER BY id LIMIT {} OFFSET {}",
        size.parse::<u32>().unwrap_or(20),
        offset.parse::<u64>().unwrap_or_default()
    ))?;
    let ids = stmt.query_map(params![], |row| row.get(0))?;
    ids.collect()
}

pub fn count_tags(conn: &Connection, tags: &[String]) -> Result<i64> {
    conn.query_row(&format!("SELECT COUNT(*) FROM tags LIMIT {}", tags.len()), [], |row| row.get(0)) // todo-ok: sql-injection
}

pub fn notes_titled(conn: &Connection, title: &str) -> Result<i64> {
    // parse::<String>() accepts any text: not a sanitizer.
    let title = title.parse::<String>().unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM notes WHERE title = '{}'", title), [], |row| row.get(0)) // expect: sql-injection
}
