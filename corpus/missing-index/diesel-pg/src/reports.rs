//! Reports that are easier to say in SQL than in the query DSL.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

#[derive(Debug, QueryableByName)]
pub struct ProjectLoad {
    #[diesel(sql_type = BigInt)]
    pub project_id: i64,
    #[diesel(sql_type = BigInt)]
    pub open_issues: i64,
}

#[derive(Debug, QueryableByName)]
pub struct Contact {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub email: String,
}

const OPEN_PER_PROJECT: &str = r#"
    SELECT i.project_id, count(*) AS open_issues
    FROM issues i
    WHERE i.project_id = $1 AND i.state = 'open'
    GROUP BY i.project_id
"#;

pub fn open_per_project(conn: &mut PgConnection, project: i64) -> QueryResult<Vec<ProjectLoad>> {
    diesel::sql_query(OPEN_PER_PROJECT).bind::<BigInt, _>(project).load(conn) // ok: missing-index
}

pub fn busiest_projects(conn: &mut PgConnection) -> QueryResult<Vec<ProjectLoad>> {
    // The join fixes project_id for each project, so issues_project_state_opened serves the
    // state filter after it.
    diesel::sql_query( // ok: missing-index
        r#"SELECT p.id AS project_id, count(i.id) AS open_issues
           FROM projects p
           JOIN issues i ON i.project_id = p.id
           WHERE i.state = 'open'
           GROUP BY p.id
           ORDER BY open_issues DESC
           LIMIT 10"#,
    )
    .load(conn)
}

pub fn contact_by_email(conn: &mut PgConnection, email: &str) -> QueryResult<Vec<Contact>> {
    // Sign-up lower-cases nothing, so support searches without case; the unique constraint is on
    // email itself, not on lower(email).
    diesel::sql_query("SELECT id, email FROM accounts WHERE lower(email) = lower($1)") // expect: missing-index
        .bind::<Text, _>(email)
        .load(conn)
}
