//! Note search: WHERE clauses assembled from the search form (rusqlite).

use rusqlite::{params_from_iter, Connection, Result};

const NOTE_COLUMNS: &str = "id, owner, title, created_at";

pub struct SearchForm {
    pub owner: Option<String>,
    pub title: Option<String>,
    pub pinned_only: bool,
}

pub fn search(conn: &Connection, form: &SearchForm) -> Result<Vec<i64>> {
    let mut sql = String::from("SELECT id FROM notes WHERE archived = 0");
    let mut values: Vec<String> = Vec::new();
    if let Some(owner) = &form.owner {
        sql.push_str(" AND owner = ?");
        values.push(owner.clone());
    }
    if form.pinned_only {
        sql += " AND pinned = 1";
    }
    sql.push_str(" ORDER BY created_at DESC");
    let mut stmt = conn.prepare(&sql)?; // ok: sql-injection
    let ids = stmt.query_map(params_from_iter(values.iter()), |row| row.get(0))?;
    ids.collect()
}

pub fn search_legacy(conn: &Connection, form: &SearchForm) -> Result<Vec<i64>> {
    let mut sql = String::from("SELECT id FROM notes WHERE archived = 0");
    if let Some(owner) = &form.owner {
        sql.push_str(&format!(" AND owner = '{}'", owner));
    }
    if let Some(title) = &form.title {
        sql += &format!(" AND title LIKE '%{}%'", title);
    }
    let mut stmt = conn.prepare(&sql)?; // expect: sql-injection
    let ids = stmt.query_map([], |row| row.get(0))?;
    ids.collect()
}

pub fn sorted(conn: &Connection, sort: &str) -> Result<Vec<i64>> {
    let column = match sort {
        "title" => "title",
        "oldest" => "created_at ASC",
        _ => "created_at DESC",
    };
    let sql = format!("SELECT id FROM notes ORDER BY {}", column);
    let mut stmt = conn.prepare(&sql)?; // ok: sql-injection
    let ids = stmt.query_map([], |row| row.get(0))?;
    ids.collect()
}

pub fn sorted_passthrough(conn: &Connection, sort: &str) -> Result<Vec<i64>> {
    let column = match sort {
        "newest" => "created_at DESC",
        other => other,
    };
    let sql = format!("SELECT id FROM notes ORDER BY {}", column);
    let mut stmt = conn.prepare(&sql)?; // expect: sql-injection
    let ids = stmt.query_map([], |row| row.get(0))?;
    ids.collect()
}

pub fn titled(conn: &Connection, title: &str) -> Result<i64> {
    let pattern = format!("%{}%", title);
    let clause = format!("title LIKE '{}'", pattern);
    let sql = "SELECT COUNT(*) FROM notes WHERE ".to_string() + &clause;
    conn.query_row(&sql, [], |row| row.get(0)) // expect: sql-injection
}

pub fn owned_by(conn: &Connection, owner: &str) -> Result<Vec<i64>> {
    let columns = NOTE_COLUMNS;
    let base = format!("SELECT {} FROM notes", columns);
    let sql = base + " WHERE owner = ?1 ORDER BY id";
    let mut stmt = conn.prepare(&sql)?; // ok: sql-injection
    let ids = stmt.query_map([owner], |row| row.get(0))?;
    ids.collect()
}

pub fn export(conn: &Connection, table: &str) -> Result<usize> {
    tracing::debug!("export requested for {}", table);
    // Exports always read the live table; the argument is kept for API compatibility.
    let table = "notes";
    conn.execute(&format!("INSERT INTO notes_export SELECT * FROM {}", table), []) // ok: sql-injection
}

pub fn page(conn: &Connection, limit: &str) -> Result<Vec<i64>> {
    let limit = limit.parse::<u32>().unwrap_or_default();
    let sql = format!("SELECT id FROM notes ORDER BY id LIMIT {}", limit);
    let mut stmt = conn.prepare(&sql)?; // ok: sql-injection
    let ids = stmt.query_map([], |row| row.get(0))?;
    ids.collect()
}

pub fn page_after(conn: &Connection, after: &str) -> Result<Vec<i64>> {
    let after: i64 = after.parse().unwrap_or(0);
    let sql = format!("SELECT id FROM notes WHERE id > {} ORDER BY id", after);
    // Safe: `after` is declared an i64, so the parse converts it.
    let mut stmt = conn.prepare(&sql)?; // ok: sql-injection
    let ids = stmt.query_map([], |row| row.get(0))?;
    ids.collect()
}
