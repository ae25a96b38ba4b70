'use strict';

const express = require('express');
const { Pool } = require('pg');
const { HttpError } = require('../lib/errors');

const router = express.Router();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const LISTING_COLUMNS = 'id, title, price_cents, city, created_at';
const SORTS = {
  newest: 'created_at DESC',
  cheapest: 'price_cents ASC',
  priciest: 'price_cents DESC',
};
const FACETS = ['city', 'category', 'condition'];
const EXPORTABLE = new Set(['title', 'price_cents', 'city']);

router.get('/listings/search', async (req, res) => {
  const { q, city, maxPrice } = req.query;
  const clauses = ['deleted_at IS NULL'];
  const params = [];
  if (q) {
    params.push(`%${q}%`);
    clauses.push(`title ILIKE $${params.length}`);
  }
  if (city) {
    params.push(city);
    clauses.push(`city = $${params.length}`);
  }
  if (maxPrice) {
    clauses.push(`price_cents <= ${Number(maxPrice) * 100}`);
  }
  const where = clauses.join(' AND ');
  const sql = `SELECT ${LISTING_COLUMNS} FROM listings WHERE ${where} ORDER BY ${SORTS[req.query.sort]} LIMIT 50`;
  const { rows } = await pool.query(sql, params); // ok: sql-injection
  res.json(rows);
});

router.get('/listings/tagged', async (req, res) => {
  const tags = [].concat(req.query.tag || []);
  const conditions = [];
  for (const tag of tags) {
    conditions.push(`'${tag}' = ANY(tags)`);
  }
  let sql = `SELECT ${LISTING_COLUMNS} FROM listings WHERE deleted_at IS NULL`;
  if (conditions.length > 0) {
    sql += ' AND (' + conditions.join(' OR ') + ')';
  }
  const { rows } = await pool.query(sql); // expect: sql-injection
  res.json(rows);
});

router.get('/listings/stats', async (req, res) => {
  let sql = 'SELECT city, COUNT(*) AS n, AVG(price_cents) AS avg_price FROM listings';
  sql += ' WHERE deleted_at IS NULL';
  if (req.query.active === 'true') {
    sql += " AND status = 'active'";
  }
  sql += ' GROUP BY city ORDER BY n DESC';
  const { rows } = await pool.query(sql); // ok: sql-injection
  res.json(rows);
});

router.get('/listings/in/:city', async (req, res) => {
  let sql = `SELECT ${LISTING_COLUMNS} FROM listings WHERE deleted_at IS NULL`;
  if (req.params.city !== 'all') {
    sql += ` AND city = '${req.params.city}'`;
  }
  sql += ' ORDER BY created_at DESC LIMIT 20';
  const { rows } = await pool.query(sql); // expect: sql-injection
  res.json(rows);
});

router.get('/listings/facets/:column', async (req, res) => {
  const column = req.params.column;
  if (!FACETS.includes(column)) throw new HttpError(400, `cannot facet on ${column}`);
  const { rows } = await pool.query(`SELECT ${column} AS value, COUNT(*) AS n FROM listings GROUP BY ${column}`); // ok: sql-injection
  res.json(rows);
});

router.get('/listings/export', async (req, res) => {
  const field = req.query.field;
  if (EXPORTABLE.has(field)) {
    const { rows } = await pool.query(`SELECT id, ${field} FROM listings WHERE deleted_at IS NULL ORDER BY id`); // ok: sql-injection
    return res.json(rows);
  }
  res.status(400).json({ error: `unknown field ${field}` });
});

router.get('/listings/owner/:ownerId', async (req, res) => {
  const direction = req.query.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `created_at ${direction}`;
  const { rows } = await pool.query( // ok: sql-injection
    `SELECT ${LISTING_COLUMNS}
       FROM listings
      WHERE owner_id = $1
      ORDER BY ${order}`,
    [req.params.ownerId],
  );
  res.json(rows);
});

router.get('/listings/histogram', async (req, res) => {
  const column = req.query.groupBy;
  const bucket = `date_trunc('day', ${column})`;
  const sql = `SELECT ${bucket} AS bucket, COUNT(*) AS n FROM listings GROUP BY 1 ORDER BY 1`;
  const { rows } = await pool.query(sql); // expect: sql-injection
  res.json(rows);
});

module.exports = router;
