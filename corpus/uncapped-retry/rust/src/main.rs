//! Relay worker: pulls jobs from Postgres, forwards them to the partner API, runs the exporter.

mod db;
mod ops;
mod upstream;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::connect_with_retry("postgres://relay@localhost/relay").await?;
    let client = reqwest::Client::new();
    let job = db::next_job(&pool).await?;
    let body = upstream::fetch_job(&client, &job).await?;
    db::store_result(&pool, &job, &body).await?;
    ops::run_export()?;
    Ok(())
}
