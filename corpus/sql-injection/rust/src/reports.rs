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
