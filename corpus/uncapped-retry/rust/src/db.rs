//! Job storage in Postgres (sqlx).

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::{info, warn};

const MAX_CONNECT_ATTEMPTS: u32 = 10;
const QUEUE_DEADLINE: Duration = Duration::from_secs(120);

pub async fn connect_with_retry(url: &str) -> Result<PgPool> {
    let mut attempt = 0;
    loop { // ok: uncapped-retry
        match PgPoolOptions::new().max_connections(5).connect(url).await {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < MAX_CONNECT_ATTEMPTS => {
                attempt += 1;
                warn!(%err, attempt, "database not ready");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}

pub async fn connect_forever(url: &str) -> PgPool {
    loop { // expect: uncapped-retry
        match PgPool::connect(url).await {
            Ok(pool) => break pool,
            Err(err) => {
                warn!(%err, "database not ready");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }
    }
}

pub async fn next_job(pool: &PgPool) -> Result<String> {
    let started = Instant::now();
    loop { // ok: uncapped-retry
        let row: Option<(String,)> =
            sqlx::query_as("SELECT id FROM jobs WHERE state = 'queued' LIMIT 1")
                .fetch_optional(pool)
                .await
                .unwrap_or_default();
        if let Some((id,)) = row {
            return Ok(id);
        }
        if Instant::now() - started >= QUEUE_DEADLINE {
            bail!("no job queued within {QUEUE_DEADLINE:?}");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

pub async fn store_result(pool: &PgPool, job: &str, body: &str) -> Result<()> {
    let mut stored = false;
    while !stored { // expect: uncapped-retry
        let res = sqlx::query("UPDATE jobs SET result = $1, state = 'done' WHERE id = $2")
            .bind(body)
            .bind(job)
            .execute(pool)
            .await;
        match res {
            Ok(_) => stored = true,
            Err(err) => warn!(%err, "store failed, retrying"),
        }
    }
    Ok(())
}

pub async fn mark_failed(pool: &PgPool, job: &str) -> Result<()> {
    let mut retries = 0u32;
    while retries < 3 { // ok: uncapped-retry
        if let Err(err) = sqlx::query("UPDATE jobs SET state = 'failed' WHERE id = $1")
            .bind(job)
            .execute(pool)
            .await
        {
            warn!(%err, "mark failed");
            retries += 1;
            continue;
        }
        break;
    }
    Ok(())
}

pub async fn drain_queue(pool: &PgPool) -> Result<u64> {
    let mut done = false;
    let mut total = 0;
    while !done { // ok: uncapped-retry
        let deleted = sqlx::query("DELETE FROM jobs WHERE state = 'done' LIMIT 100")
            .execute(pool)
            .await?
            .rows_affected();
        total += deleted;
        done = deleted == 0;
    }
    info!(total, "queue drained");
    Ok(total)
}
