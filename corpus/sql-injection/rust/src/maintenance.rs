//! Housekeeping jobs for the notes database: small SQL helpers and the jobs that use them.

use rusqlite::{Connection, Result};

const RETENTION_DAYS: &str = "90";

fn owner_clause(owner: &str) -> String {
    format!("owner = '{}'", owner)
}

fn count_sql(table: &str) -> String {
    format!("SELECT COUNT(*) FROM {}", table)
}

fn retention_clause(days: &str) -> String {
    return "created_at < date('now', '-".to_string() + days + " days')";
}

fn exec_sql(conn: &Connection, sql: &str) -> Result<usize> {
    log::debug!("exec: {}", sql);
    conn.execute(sql, []) // ok: sql-injection
}

pub fn count_for(conn: &Connection, owner: &str) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM notes WHERE ".to_string() + &owner_clause(owner);
    conn.query_row(&sql, [], |row| row.get(0)) // expect: sql-injection
}

pub fn count_system_notes(conn: &Connection) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM notes WHERE ".to_string() + &owner_clause("system");
    conn.query_row(&sql, [], |row| row.get(0)) // ok: sql-injection
}

pub fn count_all(conn: &Connection) -> Result<i64> {
    conn.query_row(&count_sql("notes"), [], |row| row.get(0)) // ok: sql-injection
}

pub fn count_in(conn: &Connection, table: &str) -> Result<i64> {
    conn.query_row(&count_sql(table), [], |row| row.get(0)) // expect: sql-injection
}

pub fn purge_old(conn: &Connection) -> Result<usize> {
    let sql = "DELETE FROM notes WHERE ".to_string() + &retention_clause(RETENTION_DAYS);
    exec_sql(conn, &sql) // ok: sql-injection
}

pub fn purge_older_than(conn: &Connection, days: &str) -> Result<usize> {
    let sql = "DELETE FROM notes WHERE ".to_string() + &retention_clause(days);
    exec_sql(conn, &sql) // expect: sql-injection
}

pub fn purge_owner(conn: &Connection, owner: &str) -> Result<usize> {
    exec_sql(conn, &format!("DELETE FROM notes WHERE owner = '{}'", owner)) // expect: sql-injection
}

pub fn purge_archived(conn: &Connection) -> Result<usize> {
    exec_sql(conn, "DELETE FROM notes WHERE archived = 1") // ok: sql-injection
}

pub fn reindex(conn: &Connection, index: &str) -> Result<()> {
    let mut sql = String::from("REINDEX ");
    sql.push_str(index);
    conn.execute_batch(&sql) // expect: sql-injection
}

pub fn analyze(conn: &Connection) -> Result<()> {
    let mut sql = String::from("ANALYZE notes;");
    sql.push_str(" PRAGMA optimize;");
    conn.execute_batch(&sql) // ok: sql-injection
}

pub fn vacuum_into(conn: &Connection, path: &str) -> Result<usize> {
    conn.execute("VACUUM INTO ?1", [path]) // ok: sql-injection
}
