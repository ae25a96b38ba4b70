// Branches without braces, destructured options and helpers that hand SQL on.
const { pool } = require('../db/pool');

async function findOrders(status, archived) {
  let sql;
  if (archived) sql = "SELECT id FROM orders_archive WHERE status = '" + status + "'";
  else sql = "SELECT id FROM orders WHERE status = 'open'";
  return pool.query(sql); // expect: sql-injection
}

async function findTables(archived) {
  let sql;
  if (archived) sql = 'SELECT id FROM orders_archive';
  else sql = 'SELECT id FROM orders';
  return pool.query(sql); // ok: sql-injection
}

async function runReport({ db }, sql) {
  return db.query(sql); // ok: sql-injection
}

async function monthlyReport(month) {
  return runReport({ db: pool }, `SELECT SUM(total) FROM orders WHERE month = '${month}'`); // expect: sql-injection
}

async function yearlyReport() {
  return runReport({ db: pool }, 'SELECT SUM(total) FROM orders GROUP BY year'); // ok: sql-injection
}

module.exports = { findOrders, findTables, monthlyReport, yearlyReport };
