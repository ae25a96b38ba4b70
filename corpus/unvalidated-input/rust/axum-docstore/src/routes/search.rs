//! Full-text and pattern search over document titles.
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    Form, Json,
};
use once_cell::sync::Lazy;
use regex::{Regex, RegexBuilder, RegexSet};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, PgPool};
use std::collections::HashMap;

use crate::state::AppState;

static SLUG: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[a-z0-9][a-z0-9-]{1,62}$").unwrap()); // ok: regex-injection

#[derive(Debug, Serialize, FromRow)]
pub struct Doc {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Deserialize)]
pub struct PatternParams {
    pub pattern: String,
    pub limit: Option<i64>,
}

fn bad_pattern(err: regex::Error) -> StatusCode {
    tracing::debug!("rejected pattern: {err}");
    StatusCode::BAD_REQUEST
}

fn db_error(err: sqlx::Error) -> StatusCode {
    tracing::error!("database error: {err}");
    StatusCode::INTERNAL_SERVER_ERROR
}

async fn all_titles(pool: &PgPool) -> Result<Vec<Doc>, StatusCode> {
    sqlx::query_as::<_, Doc>("SELECT id, title FROM docs ORDER BY id").fetch_all(pool).await.map_err(db_error) // ok: sql-injection
}

pub async fn search(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let pattern = params.get("pattern").cloned().unwrap_or_default();
    let re = Regex::new(&pattern).map_err(bad_pattern)?; // expect: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn search_literal(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let term = params.get("q").cloned().unwrap_or_default();
    let re = Regex::new(&regex::escape(&term)).map_err(bad_pattern)?; // ok: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn search_words(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let term = params.get("q").cloned().unwrap_or_default();
    let escaped = regex::escape(&term);
    let re = Regex::new(&format!(r"(?i)\b{}\b", escaped)).map_err(bad_pattern)?; // ok: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn search_ci(State(state): State<AppState>, q: Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let re = RegexBuilder::new(&q["q"]) // expect: regex-injection
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
        .map_err(bad_pattern)?;
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn by_prefix(Path(prefix): Path<String>, State(state): State<AppState>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let re = Regex::new(&format!("^{}", prefix)).map_err(bad_pattern)?; // expect: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn by_number(Path(n): Path<u32>, State(state): State<AppState>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let re = Regex::new(&format!(r"-v{}$", n)).map_err(bad_pattern)?; // ok: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn typed_pattern(State(state): State<AppState>, Query(params): Query<PatternParams>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let re = Regex::new(&params.pattern).map_err(bad_pattern)?; // ok: regex-injection
    let docs = all_titles(&state.pool).await?;
    let limit = params.limit.unwrap_or(50) as usize;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).take(limit).collect()))
}

pub async fn include_exclude(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let include = params.get("include").cloned().unwrap_or_default();
    let exclude = params.get("exclude").cloned().unwrap_or_default();
    let set = RegexSet::new([include.as_str(), exclude.as_str()]).map_err(bad_pattern)?; // expect: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| set.matches(&d.title).matched(0)).collect()))
}

pub async fn header_filter(headers: HeaderMap, State(state): State<AppState>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let filter = headers.get("x-title-filter").and_then(|v| v.to_str().ok()).unwrap_or(".*");
    let re = regex::Regex::new(filter).map_err(bad_pattern)?; // expect: regex-injection
    let docs = all_titles(&state.pool).await?;
    Ok(Json(docs.into_iter().filter(|d| re.is_match(&d.title)).collect()))
}

pub async fn saved_filter(Form(form): Form<HashMap<String, String>>) -> Result<String, StatusCode> { // expect: unvalidated-body
    let expr = form.get("expr").cloned().unwrap_or_default();
    let re = fancy_regex::Regex::new(&expr).map_err(|_| StatusCode::BAD_REQUEST)?; // expect: regex-injection
    Ok(re.as_str().to_string())
}

pub async fn preset_filter(Query(params): Query<HashMap<String, String>>) -> Result<String, StatusCode> {
    let name = params.get("preset").cloned().unwrap_or_default();
    let pattern = match name.as_str() {
        "email" => r"^[^@\s]+@[^@\s]+$",
        "phone" => r"^\+?[0-9 ()-]{7,}$",
        _ => return Err(StatusCode::BAD_REQUEST),
    };
    let re = Regex::new(pattern).map_err(bad_pattern)?; // ok: regex-injection
    Ok(re.as_str().to_string())
}

pub async fn check_slug(Path(slug): Path<String>) -> StatusCode {
    if SLUG.is_match(&slug) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

pub async fn find_by_title(State(state): State<AppState>, Path(title): Path<String>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let docs = sqlx::query_as::<_, Doc>(&format!("SELECT id, title FROM docs WHERE title = '{}'", title)) // expect: sql-injection
        .fetch_all(&state.pool)
        .await
        .map_err(db_error)?;
    Ok(Json(docs))
}

pub async fn find_by_title_bound(State(state): State<AppState>, Path(title): Path<String>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let docs = sqlx::query_as::<_, Doc>("SELECT id, title FROM docs WHERE title = $1") // ok: sql-injection
        .bind(&title)
        .fetch_all(&state.pool)
        .await
        .map_err(db_error)?;
    Ok(Json(docs))
}

pub async fn sorted(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let order = params.get("order").cloned().unwrap_or_else(|| "id".to_string());
    let sql = format!("SELECT id, title FROM docs ORDER BY {order}");
    let docs = sqlx::query_as::<_, Doc>(&sql).fetch_all(&state.pool).await.map_err(db_error)?; // expect: sql-injection
    Ok(Json(docs))
}

pub async fn saved_query(State(state): State<AppState>, Json(body): Json<serde_json::Value>) -> Result<Json<Vec<Doc>>, StatusCode> { // expect: unvalidated-body
    let where_clause = body["where"].as_str().unwrap_or("true");
    let docs = sqlx::query_as::<_, Doc>(where_clause).fetch_all(&state.pool).await.map_err(db_error)?; // expect: sql-injection
    Ok(Json(docs))
}

pub async fn sorted_checked(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Result<Json<Vec<Doc>>, StatusCode> {
    let order = params.get("order").cloned().unwrap_or_else(|| "id".to_string());
    let column = match order.as_str() {
        "title" => "title",
        "created" => "created_at",
        _ => "id",
    };
    let docs = sqlx::query_as::<_, Doc>(&format!("SELECT id, title FROM docs ORDER BY {column}")) // ok: sql-injection
        .fetch_all(&state.pool)
        .await
        .map_err(db_error)?;
    Ok(Json(docs))
}
