//! Imports under other names still reach the same sinks.
use sqlx::query as sql_query_fn;
use sqlx::PgPool;

pub async fn by_slug(pool: &PgPool, slug: &str) -> sqlx::Result<u64> {
    let done = sql_query_fn(&format!("DELETE FROM posts WHERE slug = '{}'", slug)) // expect: sql-injection
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub async fn by_slug_bound(pool: &PgPool, slug: &str) -> sqlx::Result<u64> {
    let done = sql_query_fn("DELETE FROM posts WHERE slug = $1") // ok: sql-injection
        .bind(slug)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
