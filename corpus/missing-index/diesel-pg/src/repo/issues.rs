use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::models::{Comment, Issue, NewIssue};
use crate::schema::{comments, issues};

pub struct IssueFilter {
    pub state: Option<String>,
    pub assignee: Option<i64>,
    pub min_priority: Option<i16>,
}

pub fn open_in_project(conn: &mut PgConnection, project: i64) -> QueryResult<Vec<Issue>> {
    issues::table
        .filter(issues::project_id.eq(project)) // ok: missing-index
        .filter(issues::state.eq("open")) // ok: missing-index
        .order(issues::opened_at.desc()) // ok: missing-index
        .load(conn)
}

pub fn by_number(conn: &mut PgConnection, project: i64, number: i32) -> QueryResult<Issue> {
    issues::table.filter(issues::project_id.eq(project).and(issues::number.eq(number))).first(conn) // ok: missing-index
}

pub fn all_open(conn: &mut PgConnection) -> QueryResult<Vec<Issue>> {
    // state is the second column of issues_project_state_opened.
    issues::table.filter(issues::state.eq("open")).load(conn) // expect: missing-index
}

pub fn assigned_to(conn: &mut PgConnection, account: i64) -> QueryResult<Vec<Issue>> {
    issues::table.filter(issues::assignee_id.eq(account)).load(conn) // expect: missing-index
}

pub fn reported_by(conn: &mut PgConnection, account: i64) -> QueryResult<Vec<Issue>> {
    // issues_reporter_id came with the 2024-03 migration.
    issues::table.filter(issues::reporter_id.eq(account)).load(conn) // ok: missing-index
}

pub fn opened_between(conn: &mut PgConnection, from: DateTime<Utc>, to: DateTime<Utc>) -> QueryResult<i64> {
    issues::table.filter(issues::opened_at.between(from, to)).count().get_result(conn) // expect: missing-index
}

pub fn urgent(conn: &mut PgConnection, at_least: i16) -> QueryResult<Vec<Issue>> {
    issues::table
        .filter(issues::priority.ge(at_least)) // expect: missing-index
        .order(issues::opened_at.desc())
        .limit(100)
        .load(conn)
}

pub fn in_projects(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<Vec<Issue>> {
    use crate::schema::issues::dsl::*;

    issues.filter(project_id.eq_any(ids)).order((project_id, opened_at.desc())).load(conn) // ok: missing-index
}

pub fn unclosed_for(conn: &mut PgConnection, account: i64) -> QueryResult<Vec<Issue>> {
    issues::table.filter(issues::closed_at.is_null().and(issues::assignee_id.eq(account))).load(conn) // expect: missing-index
}

pub fn title_search(conn: &mut PgConnection, words: &str) -> QueryResult<Vec<Issue>> {
    let pattern = format!("%{words}%");
    issues::table.filter(issues::title.like(pattern)).limit(50).load(conn) // expect: missing-index
}

pub fn not_closed(conn: &mut PgConnection, project: i64) -> QueryResult<Vec<Issue>> {
    issues::table.filter(issues::project_id.eq(project).and(issues::state.ne("closed"))).load(conn) // ok: missing-index
}

/// The project board: the project is always fixed, the rest is up to the user.
pub fn board(conn: &mut PgConnection, project: i64, f: &IssueFilter) -> QueryResult<Vec<Issue>> {
    let mut query = issues::table.filter(issues::project_id.eq(project)).into_boxed(); // ok: missing-index
    if let Some(state) = &f.state {
        query = query.filter(issues::state.eq(state.clone())); // ok: missing-index
    }
    if let Some(assignee) = f.assignee {
        query = query.filter(issues::assignee_id.eq(assignee)); // ok: missing-index
    }
    query.order(issues::opened_at.desc()).load(conn) // ok: missing-index
}

/// Triage across every project: nothing pins the project.
pub fn triage(conn: &mut PgConnection, f: &IssueFilter) -> QueryResult<Vec<Issue>> {
    let mut query = issues::table.into_boxed();
    if let Some(p) = f.min_priority {
        query = query.filter(issues::priority.ge(p)); // expect: missing-index
    }
    query.limit(200).load(conn)
}

pub fn open_issue(conn: &mut PgConnection, new: &NewIssue<'_>) -> QueryResult<Issue> {
    diesel::insert_into(issues::table).values(new).get_result(conn)
}

pub fn close(conn: &mut PgConnection, id: i64, at: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(issues::table.filter(issues::id.eq(id))) // ok: missing-index
        .set((issues::state.eq("closed"), issues::closed_at.eq(Some(at))))
        .execute(conn)
}

pub fn thread(conn: &mut PgConnection, issue: i64) -> QueryResult<Vec<Comment>> {
    comments::table
        .filter(comments::issue_id.eq(issue)) // ok: missing-index
        .order(comments::created_at.asc())
        .load(conn)
}

pub fn comments_by(conn: &mut PgConnection, author: i64) -> QueryResult<i64> {
    comments::table.filter(comments::author_id.eq(author)).count().get_result(conn) // expect: missing-index
}

pub fn recent_comments(conn: &mut PgConnection, since: DateTime<Utc>) -> QueryResult<Vec<Comment>> {
    use crate::schema::comments::dsl::*;

    // created_at follows issue_id in comments_issue_created.
    comments.filter(created_at.gt(since)).order(created_at.desc()).load(conn) // expect: missing-index
}

pub fn delete_thread(conn: &mut PgConnection, issue: i64) -> QueryResult<usize> {
    diesel::delete(comments::table.filter(comments::issue_id.eq(issue))).execute(conn) // ok: missing-index
}
