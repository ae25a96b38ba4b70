use chrono::{DateTime, Utc};
use diesel::dsl::now;
use diesel::prelude::*;

use crate::models::Account;
use crate::schema::accounts;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

pub fn by_email(conn: &mut PgConnection, email: &str) -> QueryResult<Option<Account>> {
    accounts::table
        .filter(accounts::email.eq(email)) // ok: missing-index
        .select(Account::as_select())
        .first(conn)
        .optional()
}

pub fn by_handle(conn: &mut PgConnection, handle: &str) -> QueryResult<Account> {
    // accounts_handle_key was added by a later migration.
    accounts::table.filter(accounts::handle.eq(handle)).first(conn) // ok: missing-index
}

pub fn by_id(conn: &mut PgConnection, id: i64) -> QueryResult<Account> {
    accounts::table.find(id).first(conn) // ok: missing-index
}

pub fn by_handle_any_case(conn: &mut PgConnection, handle: &str) -> QueryResult<Account> {
    accounts::table.filter(lower(accounts::handle).eq(handle.to_lowercase())).first(conn) // ok: missing-index
}

pub fn by_email_any_case(conn: &mut PgConnection, email: &str) -> QueryResult<Option<Account>> {
    // The unique constraint is on email itself, not on lower(email).
    accounts::table
        .filter(lower(accounts::email).eq(email.to_lowercase())) // expect: missing-index
        .first(conn)
        .optional()
}

pub fn search_by_name(conn: &mut PgConnection, fragment: &str) -> QueryResult<Vec<Account>> {
    let pattern = format!("%{fragment}%");
    accounts::table.filter(accounts::display_name.ilike(pattern)).limit(25).load(conn) // expect: missing-index
}

pub fn pending_review(conn: &mut PgConnection) -> QueryResult<Vec<Account>> {
    accounts::table.filter(accounts::status.eq("pending")).load(conn) // expect: missing-index
}

pub fn inactive_since(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<Vec<i64>> {
    // accounts_last_login_at was dropped in 2024-04; its down.sql would bring it back, but
    // rollbacks never ran.
    accounts::table
        .filter(accounts::last_login_at.lt(cutoff)) // expect: missing-index
        .select(accounts::id)
        .load(conn)
}

pub fn newest(conn: &mut PgConnection, n: i64) -> QueryResult<Vec<Account>> {
    accounts::table.order(accounts::created_at.desc()).limit(n).load(conn) // expect: missing-index
}

pub fn newest_first_page(conn: &mut PgConnection) -> QueryResult<Vec<Account>> {
    accounts::table.order(accounts::id.desc()).limit(50).load(conn) // ok: missing-index
}

pub fn directory(conn: &mut PgConnection) -> QueryResult<Vec<Account>> {
    accounts::table.order((accounts::display_name.asc(), accounts::id)).load(conn) // expect: missing-index
}

pub fn by_handle_then_name(conn: &mut PgConnection) -> QueryResult<Vec<Account>> {
    // handle is unique, so display_name never decides the order.
    accounts::table.order_by((accounts::handle, accounts::display_name.desc())).load(conn) // ok: missing-index
}

pub fn record_login(conn: &mut PgConnection, account_id: i64) -> QueryResult<usize> {
    diesel::update(accounts::table.filter(accounts::id.eq(account_id))) // ok: missing-index
        .set(accounts::last_login_at.eq(now))
        .execute(conn)
}

pub fn purge_stale_signups(conn: &mut PgConnection, cutoff: DateTime<Utc>) -> QueryResult<usize> {
    use crate::schema::accounts::dsl::*;

    diesel::delete(accounts.filter(status.eq("pending").and(created_at.lt(cutoff)))).execute(conn) // expect: missing-index
}

pub fn not_suspended(conn: &mut PgConnection) -> QueryResult<i64> {
    // A negation: no index would help, so there is nothing to suggest.
    accounts::table.filter(accounts::status.ne("suspended")).count().get_result(conn) // ok: missing-index
}

pub fn by_handles(conn: &mut PgConnection, handles: &[String]) -> QueryResult<Vec<Account>> {
    use crate::schema::accounts::dsl::*;

    accounts.filter(handle.eq_any(handles)).order_by(handle.asc()).load(conn) // ok: missing-index
}
