const express = require('express');
const mysql = require('mysql2/promise');

const router = express.Router();
const pool = mysql.createPool({ host: 'db', user: 'app', database: 'shop' });

router.get('/reports/top', async (req, res) => {
  const limit = Number(req.query.limit) || 10;
  const [rows] = await pool.query(`SELECT product_id, SUM(qty) AS n FROM order_items GROUP BY product_id ORDER BY n DESC LIMIT ${Number(req.query.limit)}`); // ok: sql-injection
  const [recent] = await pool.query(`SELECT id FROM orders ORDER BY created_at ${req.query.asc ? 'ASC' : 'DESC'} LIMIT ${parseInt(req.query.n, 10)}`); // ok: sql-injection
  const [byTable] = await pool.query(`SELECT COUNT(*) AS n FROM ${pool.escapeId(req.query.table)}`); // ok: sql-injection
  const [named] = await pool.query("SELECT id FROM customers WHERE name = " + mysql.escape(req.query.name)); // ok: sql-injection
  const [sized] = await pool.query(`SELECT id FROM tags LIMIT ${req.query.tags.length}`); // ok: sql-injection
  res.json({ rows, recent, byTable, named, sized, limit });
});

router.get('/reports/by-region', async (req, res) => {
  // String() makes text, not a number: still injectable.
  const [rows] = await pool.query(`SELECT id FROM stores WHERE region = '${String(req.query.region)}'`); // expect: sql-injection
  const [sorted] = await pool.query(`SELECT id FROM stores ORDER BY ${req.query.sort ? req.query.sort : 'id'}`); // expect: sql-injection
  res.json({ rows, sorted });
});

module.exports = router;
