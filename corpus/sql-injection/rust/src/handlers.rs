use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    Json,
};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, PgPool};

#[derive(Debug, Serialize, FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
pub struct ListParams {
    pub sort: Option<String>,
    pub q: Option<String>,
    pub team: Option<String>,
}

fn internal(err: sqlx::Error) -> StatusCode {
    tracing::error!("database error: {err}"); // ok: sql-injection
    StatusCode::INTERNAL_SERVER_ERROR
}

pub async fn get_user(State(pool): State<PgPool>, Path(id): Path<i64>) -> Result<Json<User>, StatusCode> {
    let user = sqlx::query_as::<_, User>("SELECT id, email, name FROM users WHERE id = $1") // ok: sql-injection
        .bind(id)
        .fetch_one(&pool)
        .await
        .map_err(|_| StatusCode::NOT_FOUND)?;
    Ok(Json(user))
}

pub async fn find_by_email(State(pool): State<PgPool>, Path(email): Path<String>) -> Result<Json<User>, StatusCode> {
    let user = sqlx::query_as::<_, User>(&format!("SELECT id, email, name FROM users WHERE email = '{}'", email)) // expect: sql-injection
        .fetch_one(&pool)
        .await
        .map_err(internal)?;
    Ok(Json(user))
}

pub async fn list_users(State(pool): State<PgPool>, Query(params): Query<ListParams>) -> Result<Json<Vec<User>>, StatusCode> {
    let sort = params.sort.unwrap_or_else(|| "name".to_string());
    let users = sqlx::query_as::<_, User>(&format!("SELECT id, email, name FROM users ORDER BY {sort}")) // expect: sql-injection
        .fetch_all(&pool)
        .await
        .map_err(internal)?;
    Ok(Json(users))
}

pub async fn search_users(State(pool): State<PgPool>, Query(params): Query<ListParams>) -> Result<Json<Vec<User>>, StatusCode> {
    let term = params.q.unwrap_or_default();
    let users = sqlx::query_as::<_, User>("SELECT id, email, name FROM users WHERE name ILIKE $1").bind(format!("%{term}%")) // ok: sql-injection
        .fetch_all(&pool)
        .await
        .map_err(internal)?;
    Ok(Json(users))
}

pub async fn team_users(State(pool): State<PgPool>, Query(params): Query<ListParams>) -> Result<Json<Vec<User>>, StatusCode> {
    let team = params.team.unwrap_or_default();
    let sql = format!("SELECT id, email, name FROM users WHERE team = '{team}'");
    let users = sqlx::query_as::<_, User>(&sql) // expect: sql-injection
        .fetch_all(&pool)
        .await
        .map_err(internal)?;
    Ok(Json(users))
}

pub async fn delete_user(State(pool): State<PgPool>, Path(id): Path<String>) -> Result<StatusCode, StatusCode> {
    sqlx::query(&format!("DELETE FROM users WHERE id = {}", id)).execute(&pool).await.map_err(internal)?; // expect: sql-injection
    tracing::info!("{}", format!("deleted user {id}")); // ok: sql-injection
    Ok(StatusCode::NO_CONTENT)
}

pub async fn rename_user(State(pool): State<PgPool>, Path(id): Path<i64>, Json(name): Json<String>) -> Result<StatusCode, StatusCode> {
    sqlx::query!("UPDATE users SET name = $1 WHERE id = $2", name, id) // ok: sql-injection
        .execute(&pool)
        .await
        .map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn touch_user(State(pool): State<PgPool>, Path(id): Path<i64>) -> Result<StatusCode, StatusCode> {
    sqlx::query(r#"UPDATE users SET "lastSeen" = now() WHERE id = $1"#).bind(id).execute(&pool).await.map_err(internal)?; // ok: sql-injection
    Ok(StatusCode::NO_CONTENT)
}

pub async fn set_email(State(pool): State<PgPool>, Path(id): Path<i64>, Json(email): Json<String>) -> Result<StatusCode, StatusCode> {
    sqlx::query(&("UPDATE users SET email = '".to_string() + &email + "' WHERE id = $1")) // expect: sql-injection
        .bind(id)
        .execute(&pool)
        .await
        .map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}
