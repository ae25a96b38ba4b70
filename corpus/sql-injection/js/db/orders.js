'use strict';

const { Pool } = require('pg');
const { Sequelize, QueryTypes } = require('sequelize');
const postgres = require('postgres');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
const sql = postgres(process.env.DATABASE_URL);

async function findOrder(id) {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]); // ok: sql-injection
  if (rows.length === 0) throw new Error(`order ${id} not found`); // ok: sql-injection
  return rows[0];
}

async function findOrdersByStatus(status, sortColumn) {
  const { rows } = await pool.query(`SELECT * FROM orders WHERE status = '${status}' ORDER BY ${sortColumn}`); // expect: sql-injection
  return rows;
}

async function markShipped(orderId, carrier) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN'); // ok: sql-injection
    await client.query("UPDATE orders SET status = 'shipped', carrier = '" + carrier + "' WHERE id = " + orderId); // expect: sql-injection
    await client.query('INSERT INTO order_events (order_id, kind) VALUES ($1, $2)', [orderId, 'shipped']); // ok: sql-injection
    await client.query('COMMIT'); // ok: sql-injection
  } catch (err) {
    await client.query('ROLLBACK'); // ok: sql-injection
    throw err;
  } finally {
    client.release();
  }
}

async function archiveBefore(date) {
  const stmt = `DELETE FROM orders WHERE created_at < '${date}'`;
  return pool.query(stmt); // expect: sql-injection
}

function searchCustomers(term, sort, direction) {
  return knex('customers')
    .select('id', 'name', 'email')
    .whereRaw(`name ILIKE '%${term}%'`) // expect: sql-injection
    .orderByRaw(sort + ' ' + direction); // expect: sql-injection
}

function customersInCity(city) {
  return knex('customers')
    .whereRaw('lower(city) = lower(?)', [city]) // ok: sql-injection
    .orderByRaw('created_at DESC'); // ok: sql-injection
}

function monthlyTotals(year) {
  return knex.raw('SELECT date_trunc(\'month\', created_at) AS month, SUM(total) FROM orders WHERE extract(year FROM created_at) = ? GROUP BY 1', [year]); // ok: sql-injection
}

function purgeTable(table) {
  return knex.raw(`TRUNCATE TABLE ${table}`); // expect: sql-injection
}

async function topProducts(limit) {
  return sequelize.query(`SELECT product_id, COUNT(*) AS n FROM order_items GROUP BY product_id ORDER BY n DESC LIMIT ${limit}`, { type: QueryTypes.SELECT }); // expect: sql-injection
}

async function productsByVendor(vendorId) {
  return sequelize.query('SELECT * FROM products WHERE vendor_id = :vendorId', { replacements: { vendorId }, type: QueryTypes.SELECT }); // ok: sql-injection
}

async function refundsFor(orderId) {
  return sql`SELECT * FROM refunds WHERE order_id = ${orderId}`; // ok: sql-injection
}

async function latestOrders() {
  const { rows } = await pool.query(`SELECT id, total FROM orders ORDER BY created_at DESC LIMIT ${100}`); // ok: sql-injection
  return rows;
}

module.exports = {
  findOrder, findOrdersByStatus, markShipped, archiveBefore, searchCustomers,
  customersInCity, monthlyTotals, purgeTable, topProducts, productsByVendor, refundsFor, latestOrders,
};
