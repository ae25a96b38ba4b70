'use strict';

const express = require('express');
const mysql = require('mysql2');
const logger = require('../lib/logger');

const router = express.Router();

const connection = mysql.createConnection({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  database: 'shop',
});
const pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, database: 'shop' }).promise();

router.get('/users/:id', (req, res, next) => {
  connection.query(`SELECT id, email, name FROM users WHERE id = ${req.params.id}`, (err, rows) => { // expect: sql-injection
    if (err) return next(err);
    res.json(rows[0]);
  });
});

router.get('/users', (req, res, next) => {
  connection.query('SELECT id, email, name FROM users WHERE team_id = ? ORDER BY name', [req.query.team], (err, rows) => { // ok: sql-injection
    if (err) return next(err);
    res.json(rows);
  });
});

router.get('/users/by-email/:email', async (req, res) => {
  const [rows] = await pool.query("SELECT id, name FROM users WHERE email = '" + req.params.email + "'"); // expect: sql-injection
  res.json(rows);
});

router.post('/users', async (req, res) => {
  const { email, name } = req.body;  // expect: unvalidated-body
  const [result] = await pool.execute('INSERT INTO users (email, name) VALUES (?, ?)', [email, name]); // ok: sql-injection
  logger.info(`created user ${result.insertId} <${email}>`); // ok: sql-injection
  res.status(201).json({ id: result.insertId });
});

router.patch('/users/:id', async (req, res) => {
  const conn = await pool.getConnection();
  try {
    await conn.execute( // expect: sql-injection
      `UPDATE users SET name = '${req.body.name}' WHERE id = ${req.params.id}`  // expect: unvalidated-body
    );
  } finally {
    conn.release();
  }
  res.sendStatus(204);
});

router.delete('/users/:id', async (req, res) => {
  const sql = 'DELETE FROM users WHERE id = ' + req.params.id;
  await pool.query(sql); // expect: sql-injection
  console.log(`deleted user ${req.params.id}`); // ok: sql-injection
  res.sendStatus(204);
});

router.get('/stats', async (req, res) => {
  const [teams] = await pool.query( // ok: sql-injection
    'SELECT team_id, COUNT(*) AS members ' +
    'FROM users GROUP BY team_id'
  );
  const [recent] = await pool.query(`SELECT id, email FROM users ORDER BY created_at DESC LIMIT 10`); // ok: sql-injection
  res.json({ teams, recent });
});

router.get('/teams/:team/users', async (req, res) => {
  const [rows] = await pool.execute(`SELECT id, email FROM users WHERE team_id = ${req.params.team} LIMIT ${req.query.limit || 50}`); // expect: sql-injection
  res.json(rows);
});

module.exports = router;
