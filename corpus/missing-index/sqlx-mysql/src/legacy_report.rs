//! The weekly stock report predates the move to sqlx and still runs on mysql_async.

use mysql_async::prelude::*;
use mysql_async::Pool;

pub async fn weekly(pool: &Pool, warehouse: &str) -> mysql_async::Result<()> {
    let mut conn = pool.get_conn().await?;
    let code: Option<String> = conn
        .exec_first("SELECT code FROM warehouses WHERE id = ?", (warehouse,)) // ok: missing-index
        .await?;
    let low: Vec<(String, i32)> = conn
        .exec("SELECT sku, quantity FROM stock_items WHERE warehouse_id = ? AND quantity <= reorder_level", (warehouse,)) // ok: missing-index
        .await?;
    let moved: Option<i64> = conn
        .exec_first("SELECT SUM(delta) FROM movements WHERE created_at >= ?", ("2024-01-01",)) // expect: missing-index
        .await?;
    conn.query_drop("UPDATE warehouses SET city = TRIM(city)").await?;
    println!("{code:?}: {} low, {moved:?} moved", low.len());
    Ok(())
}
