use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::schema::{accounts, comments, issues, projects};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = accounts)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub handle: String,
    pub display_name: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Associations)]
#[diesel(belongs_to(Account, foreign_key = owner_id))]
#[diesel(table_name = projects)]
pub struct Project {
    pub id: i64,
    pub owner_id: i64,
    pub slug: String,
    pub name: String,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Associations)]
#[diesel(belongs_to(Project))]
#[diesel(table_name = issues)]
pub struct Issue {
    pub id: i64,
    pub project_id: i64,
    pub number: i32,
    pub title: String,
    pub state: String,
    pub priority: i16,
    pub reporter_id: i64,
    pub assignee_id: Option<i64>,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = issues)]
pub struct NewIssue<'a> {
    pub project_id: i64,
    pub number: i32,
    pub title: &'a str,
    pub reporter_id: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Associations)]
#[diesel(belongs_to(Issue))]
#[diesel(table_name = comments)]
pub struct Comment {
    pub id: i64,
    pub issue_id: i64,
    pub author_id: i64,
    pub body: String,
    pub created_at: DateTime<Utc>,
}
