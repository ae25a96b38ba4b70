//! Maintenance jobs for the legacy accounts database (postgres + diesel).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use postgres::Client;

#[derive(QueryableByName, Debug)]
pub struct AuditRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub action: String,
}

pub fn audit_for_actor(conn: &mut PgConnection, actor: &str) -> QueryResult<Vec<AuditRow>> {
    diesel::sql_query(format!("SELECT id, action FROM audit_log WHERE actor = '{actor}'")) // expect: sql-injection
        .load(conn)
}

pub fn audit_for_action(conn: &mut PgConnection, action: &str) -> QueryResult<Vec<AuditRow>> {
    diesel::sql_query("SELECT id, action FROM audit_log WHERE action = $1") // ok: sql-injection
        .bind::<Text, _>(action)
        .load(conn)
}

pub fn audit_since(conn: &mut PgConnection, since_id: i64) -> QueryResult<Vec<AuditRow>> {
    diesel::sql_query(format!("SELECT id, action FROM audit_log WHERE id > {}", since_id)) // expect: sql-injection
        .load(conn)
}

pub fn migrate_accounts(client: &mut Client, region: &str) -> Result<u64, postgres::Error> {
    client.batch_execute("BEGIN; LOCK TABLE accounts IN EXCLUSIVE MODE;")?; // ok: sql-injection
    let moved = client.execute(format!("UPDATE accounts SET region = '{}' WHERE region IS NULL", region).as_str(), &[])?; // expect: sql-injection
    client.batch_execute("COMMIT")?; // ok: sql-injection
    log::info!("{}", format!("moved {moved} accounts to {region}")); // ok: sql-injection
    Ok(moved)
}

pub fn accounts_in(client: &mut Client, region: &str) -> Result<Vec<i64>, postgres::Error> {
    let rows = client.query("SELECT id FROM accounts WHERE region = $1", &[&region])?; // ok: sql-injection
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

pub fn accounts_sorted(client: &mut Client, column: &str) -> Result<Vec<i64>, postgres::Error> {
    let rows = client.query( // expect: sql-injection
        format!("SELECT id FROM accounts ORDER BY {} DESC", column).as_str(),
        &[],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

pub fn close_account(client: &mut Client, id: i64) -> Result<u64, postgres::Error> {
    client.execute("UPDATE accounts SET closed_at = now() WHERE id = $1", &[&id]) // ok: sql-injection
}

pub fn drop_partition(client: &mut Client, suffix: &str) -> Result<(), postgres::Error> {
    client.batch_execute(&("DROP TABLE IF EXISTS accounts_".to_owned() + suffix)) // expect: sql-injection
}

pub fn tag_accounts(client: &mut Client, tag: &str) -> Result<Vec<i64>, postgres::Error> {
    let q = format!("SELECT id FROM accounts WHERE '{tag}' = ANY(tags)");
    let rows = client.query(q.as_str(), &[])?; // expect: sql-injection
    Ok(rows.iter().map(|r| r.get(0)).collect())
}
