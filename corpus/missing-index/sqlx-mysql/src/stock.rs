use sqlx::mysql::MySqlPool;

#[derive(Debug, sqlx::FromRow)]
pub struct StockItem {
    pub id: String,
    pub warehouse_id: String,
    pub sku: String,
    pub quantity: i32,
    pub reorder_level: i32,
}

pub async fn by_sku(pool: &MySqlPool, sku: &str) -> sqlx::Result<Vec<StockItem>> {
    sqlx::query_as!( // ok: missing-index
        StockItem,
        "SELECT id, warehouse_id, sku, quantity, reorder_level FROM stock_items WHERE sku = ?",
        sku
    )
    .fetch_all(pool)
    .await
}

pub async fn in_warehouse(pool: &MySqlPool, warehouse: &str) -> sqlx::Result<Vec<StockItem>> {
    // InnoDB created an index for the foreign key on warehouse_id.
    sqlx::query_as::<_, StockItem>("SELECT id, warehouse_id, sku, quantity, reorder_level FROM stock_items WHERE warehouse_id = ?") // ok: missing-index
        .bind(warehouse)
        .fetch_all(pool)
        .await
}

pub async fn below_reorder_level(pool: &MySqlPool) -> sqlx::Result<Vec<StockItem>> {
    // A comparison of two columns of the same row: no index on either could serve it.
    sqlx::query_as("SELECT id, warehouse_id, sku, quantity, reorder_level FROM stock_items WHERE quantity < reorder_level") // ok: missing-index
        .fetch_all(pool)
        .await
}

pub async fn nearly_empty(pool: &MySqlPool, at_most: i32) -> sqlx::Result<Vec<StockItem>> {
    sqlx::query_as("SELECT id, warehouse_id, sku, quantity, reorder_level FROM stock_items WHERE quantity <= ?") // expect: missing-index
        .bind(at_most)
        .fetch_all(pool)
        .await
}

pub async fn changed_since(pool: &MySqlPool, since: chrono::NaiveDateTime) -> sqlx::Result<Vec<String>> {
    // stock_items_updated_at came with the second migration; its rollback never ran.
    let rows = sqlx::query!("SELECT id FROM stock_items WHERE updated_at >= ?", since) // ok: missing-index
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

pub async fn warehouse_by_city(pool: &MySqlPool, city: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT id FROM `warehouses` WHERE `city` = ? LIMIT 1") // expect: missing-index
        .bind(city)
        .fetch_optional(pool)
        .await
}

pub async fn history(pool: &MySqlPool, item: &str) -> sqlx::Result<Vec<(i32, String)>> {
    sqlx::query_as("SELECT delta, reason FROM movements WHERE stock_item_id = ? ORDER BY created_at DESC") // ok: missing-index
        .bind(item)
        .fetch_all(pool)
        .await
}

pub async fn movements_for_reason(pool: &MySqlPool, reason: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar!("SELECT COUNT(*) FROM movements WHERE reason = ?", reason) // expect: missing-index
        .fetch_one(pool)
        .await
}
