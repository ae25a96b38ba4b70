const { pool } = require("../db");

const OPEN_ORDERS = `
  SELECT id, placed_at, total_cents
  FROM orders
  WHERE status = $1
  ORDER BY placed_at DESC
  LIMIT 50
`;

async function openOrders() {
  const { rows } = await pool.query(OPEN_ORDERS, ["open"]); // ok: missing-index
  return rows;
}

async function ordersPlacedSince(since) {
  const { rows } = await pool.query("SELECT id FROM orders WHERE placed_at >= $1", [since]); // expect: missing-index
  return rows;
}

async function openOrdersPlacedSince(since) {
  // The partial index on placed_at WHERE status = 'open' serves this one.
  const { rows } = await pool.query( // ok: missing-index
    "SELECT id FROM orders WHERE status = 'open' AND placed_at >= $1",
    [since]
  );
  return rows;
}

async function byReference(reference) {
  const { rows } = await pool.query("SELECT * FROM orders WHERE reference = $1", [reference]); // ok: missing-index
  return rows[0];
}

async function byCoupon(code) {
  // orders_coupon_code was dropped by the 2024-04-10 migration.
  const { rows } = await pool.query("SELECT id FROM orders WHERE coupon_code = $1", [code]); // expect: missing-index
  return rows;
}

async function forCustomer(customerId) {
  const sql = "SELECT id, total_cents FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC";
  const { rows } = await pool.query(sql, [customerId]); // expect: missing-index
  return rows;
}

async function largest(limit) {
  const { rows } = await pool.query( // expect: missing-index
    "SELECT id, total_cents FROM orders ORDER BY total_cents DESC LIMIT $1",
    [limit]
  );
  return rows;
}

async function latest(limit) {
  const { rows } = await pool.query("SELECT id FROM orders ORDER BY id DESC LIMIT $1", [limit]); // ok: missing-index
  return rows;
}

async function itemsOf(orderId) {
  const { rows } = await pool.query("SELECT sku, quantity FROM order_items WHERE order_id = $1", [orderId]); // ok: missing-index
  return rows;
}

async function ordersWithSku(sku) {
  const { rows } = await pool.query("SELECT order_id FROM order_items WHERE sku = $1", [sku]); // expect: missing-index
  return rows;
}

async function itemOfOrder(orderId, sku) {
  const { rows } = await pool.query( // ok: missing-index
    "SELECT quantity FROM order_items WHERE order_id = $1 AND sku = $2",
    [orderId, sku]
  );
  return rows[0];
}

async function refundsOf(orderId) {
  const { rows } = await pool.query("SELECT id, reason FROM refunds WHERE order_id = $1", [orderId]); // expect: missing-index
  return rows;
}

async function statusCounts() {
  const { rows } = await pool.query("SELECT status, count(*) FROM orders GROUP BY status"); // ok: missing-index
  return rows;
}

async function markShipped(id) {
  await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [id]); // ok: missing-index
}

async function expireOpen(before) {
  await pool.query("DELETE FROM orders WHERE status = 'open' AND placed_at < $1", [before]); // ok: missing-index
}

async function archiveByTotal(max) {
  await pool.query("DELETE FROM orders WHERE total_cents < $1", [max]); // expect: missing-index
}

module.exports = {
  openOrders,
  ordersPlacedSince,
  openOrdersPlacedSince,
  byReference,
  byCoupon,
  forCustomer,
  largest,
  latest,
  itemsOf,
  ordersWithSku,
  itemOfOrder,
  refundsOf,
  statusCounts,
  markShipped,
  expireOpen,
  archiveByTotal,
};
