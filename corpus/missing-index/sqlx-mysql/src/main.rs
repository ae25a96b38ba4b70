mod legacy_report;
mod stock;

use sqlx::mysql::MySqlPoolOptions;

#[tokio::main]
async fn main() -> Result<(), sqlx::Error> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "mysql://localhost/stock".into());
    let pool = MySqlPoolOptions::new().max_connections(8).connect(&url).await?;
    for item in stock::below_reorder_level(&pool).await? {
        println!("{} {} {}", item.sku, item.quantity, item.reorder_level);
    }
    Ok(())
}
