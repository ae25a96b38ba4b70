use diesel::prelude::*;

use crate::models::Project;
use crate::schema::{accounts, issues, projects};

pub fn owned_by(conn: &mut PgConnection, owner: i64) -> QueryResult<Vec<Project>> {
    // UNIQUE (owner_id, slug) starts with owner_id.
    projects::table
        .filter(projects::owner_id.eq(owner)) // ok: missing-index
        .order(projects::created_at.desc())
        .load(conn)
}

pub fn by_owner_and_slug(conn: &mut PgConnection, owner: i64, slug: &str) -> QueryResult<Project> {
    projects::table.filter(projects::owner_id.eq(owner).and(projects::slug.eq(slug))).first(conn) // ok: missing-index
}

pub fn by_slug_anywhere(conn: &mut PgConnection, slug: &str) -> QueryResult<Vec<Project>> {
    // slug is only the second column of the unique constraint.
    projects::table.filter(projects::slug.eq(slug)).load(conn) // expect: missing-index
}

pub fn active_by_name(conn: &mut PgConnection) -> QueryResult<Vec<Project>> {
    use crate::schema::projects::dsl::*;

    projects.filter(archived.eq(false)).order_by(name.asc()).load(conn) // expect: missing-index
}

pub fn of_account_email(conn: &mut PgConnection, email: &str) -> QueryResult<Vec<Project>> {
    projects::table
        .inner_join(accounts::table)
        .filter(accounts::email.eq(email)) // ok: missing-index
        .select(Project::as_select())
        .load(conn)
}

pub fn of_active_owners(conn: &mut PgConnection) -> QueryResult<Vec<Project>> {
    projects::table
        .inner_join(accounts::table)
        .filter(accounts::status.eq("active")) // expect: missing-index
        .select(Project::as_select())
        .load(conn)
}

pub fn with_issue_count(conn: &mut PgConnection, owner: i64) -> QueryResult<Vec<(i64, i64)>> {
    projects::table
        .left_join(issues::table)
        .filter(projects::owner_id.eq(owner)) // ok: missing-index
        .group_by(projects::id)
        .select((projects::id, diesel::dsl::count(issues::id.nullable())))
        .load(conn)
}

pub fn rename(conn: &mut PgConnection, id: i64, new_name: &str) -> QueryResult<usize> {
    diesel::update(projects::table.find(id)) // ok: missing-index
        .set(projects::name.eq(new_name))
        .execute(conn)
}
