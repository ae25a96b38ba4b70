mod db;
mod store;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://feedling.db".into());
    let pool = db::open(&url).await?;
    for feed in store::stale_feeds(&pool, 0).await? {
        println!("{} {}", feed.id, feed.url);
    }
    Ok(())
}
