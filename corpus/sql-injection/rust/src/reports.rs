//! Reporting queries through diesel's sql fragments and sea-orm statements.
use diesel::dsl::sql;
use diesel::sql_types::Bool;
use sea_orm::{DatabaseBackend, Statement};

pub fn region_filter(region: &str) -> diesel::expression::SqlLiteral<Bool> {
    sql::<Bool>(&format!("region = '{}'", region)) // expect: sql-injection
}

pub fn active_filter() -> diesel::expression::SqlLiteral<Bool> {
    sql::<Bool>("active = true") // ok: sql-injection
}

pub fn totals_for(team: &str) -> Statement {
    Statement::from_string(DatabaseBackend::Postgres, format!("SELECT SUM(total) FROM orders WHERE team = '{team}'")) // expect: sql-injection
}

pub fn totals_for_bound(team: &str) -> Statement {
    Statement::from_sql_and_values(DatabaseBackend::Postgres, "SELECT SUM(total) FROM orders WHERE team = $1", [team.into()]) // ok: sql-injection
}

const SORTABLE: [&str; 2] = ["total", "created_at"];

pub fn sorted_totals(conn: &rusqlite::Connection, column: &str) -> rusqlite::Result<i64> {
    if !SORTABLE.contains(&column) {
        println!("unknown sort column {column}");
    }
    let sql = format!("SELECT total FROM orders ORDER BY {}", column);
    conn.query_row(&sql, [], |row| row.get(0)) // expect: sql-injection
}

pub fn checked_totals(conn: &rusqlite::Connection, column: &str) -> rusqlite::Result<i64> {
    if !SORTABLE.contains(&column) {
        panic!("unknown sort column");
    }
    let sql = format!("SELECT total FROM orders ORDER BY {}", column);
    conn.query_row(&sql, [], |row| row.get(0)) // ok: sql-injection
}

const ORDERS: &str = "orders";

pub fn order_count(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.query_row(&format!("SELECT COUNT(*) FROM {ORDERS}"), [], |row| row.get(0)) // ok: sql-injection
}

pub fn count_in(conn: &rusqlite::Connection, table: &str) -> rusqlite::Result<i64> {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| row.get(0)) // expect: sql-injection
}
