'use strict';

// Orders, exports and the warehouse bridge (Express + mysql2 + MongoDB).
const express = require('express');
const { exec, execFile } = require('child_process');
const { z } = require('zod');
const yup = require('yup');
const { checkSchema, matchedData } = require('express-validator');
const db = require('../lib/db');
const mongo = require('../lib/mongo');
const knex = require('../lib/knex');

const router = express.Router();

const OrderInput = z.object({
  sku: z.string().regex(/^[A-Z0-9-]{4,20}$/),
  quantity: z.number().int().positive(),
  note: z.string().max(500).optional(),
});
const addressSchema = yup.object({
  street: yup.string().required(),
  city: yup.string().required(),
  zip: yup.string().matches(/^\d{5}$/),
});

router.get('/orders', async (req, res) => {
  const [rows] = await db.query(`SELECT * FROM orders WHERE status = '${req.query.status}'`); // expect: sql-injection
  res.json(rows);
});

router.get('/orders/by-customer', async (req, res) => {
  const [rows] = await db.query('SELECT * FROM orders WHERE customer_id = ?', [req.query.customer]); // ok: sql-injection
  res.json(rows);
});

router.get('/orders/report', async (req, res) => {
  const rows = await knex.raw(req.query.sql); // expect: sql-injection
  res.json(rows);
});

router.get('/orders/recent', async (req, res) => {
  const limit = Number(req.query.limit) || 20;
  const [rows] = await db.query(`SELECT * FROM orders ORDER BY created_at DESC LIMIT ${limit}`); // ok: sql-injection
  res.json(rows);
});

router.post('/orders', express.json(), async (req, res) => {
  const parsed = OrderInput.safeParse(req.body); // ok: unvalidated-body
  if (!parsed.success) return res.status(422).json(parsed.error.flatten());
  const { sku, quantity, note } = parsed.data;
  await db.execute('INSERT INTO orders (sku, quantity, note) VALUES (?, ?, ?)', [sku, quantity, note ?? null]); // ok: sql-injection
  res.status(201).end();
});

router.post('/orders/import', express.json(), async (req, res) => {
  for (const line of req.body.lines) { // expect: unvalidated-body
    await db.query(`INSERT INTO orders (sku, quantity) VALUES ('${line.sku}', ${line.quantity})`); // expect: sql-injection
  }
  res.status(201).end();
});

router.patch('/orders/:id/address', express.json(), async (req, res) => {
  const address = await addressSchema.validate(req.body, { stripUnknown: true }); // ok: unvalidated-body
  await db.execute('UPDATE orders SET street = ?, city = ?, zip = ? WHERE id = ?', [address.street, address.city, address.zip, Number(req.params.id)]); // ok: sql-injection
  res.sendStatus(204);
});

router.post(
  '/orders/:id/notes',
  checkSchema({ note: { isString: true, isLength: { options: { max: 500 } } } }),
  express.json(),
  async (req, res) => {
    const { note } = matchedData(req);
    await db.execute('UPDATE orders SET note = ? WHERE id = ?', [note, req.params.id]); // ok: sql-injection
    res.json({ saved: req.body.note.length }); // ok: unvalidated-body
  },
);

router.get('/orders/:id/label', (req, res) => {
  exec(`lp -d warehouse /var/labels/${req.params.id}.pdf`, (err) => { // expect: command-injection
    res.sendStatus(err ? 500 : 202);
  });
});

router.get('/orders/:id/label/safe', (req, res) => {
  execFile('lp', ['-d', 'warehouse', `/var/labels/${Number(req.params.id)}.pdf`], (err) => { // ok: command-injection
    res.sendStatus(err ? 500 : 202);
  });
});

router.post('/warehouse/run', express.json(), (req, res) => {
  exec(req.body.command, (err, stdout) => res.send(stdout)); // expect: command-injection, unvalidated-body
});

router.get('/warehouse/ping', (req, res) => {
  exec('ping -c 1 warehouse.internal', (err) => res.json({ up: !err })); // ok: command-injection
});

router.get('/warehouse/tail', (req, res) => {
  const lines = parseInt(req.query.lines, 10) || 100;
  exec(`tail -n ${lines} /var/log/warehouse.log`, (err, stdout) => res.type('text/plain').send(stdout)); // ok: command-injection
});

router.get('/warehouse/grep', (req, res) => {
  const pattern = req.query.pattern;
  exec('grep -i ' + pattern + ' /var/log/warehouse.log', (err, stdout) => res.type('text/plain').send(stdout)); // expect: command-injection
});

router.get('/reviews', async (req, res) => {
  const reviews = await mongo.collection('reviews').find({ $where: `this.rating >= ${req.query.min}` }).toArray(); // expect: nosql-injection
  res.json(reviews);
});

router.get('/reviews/raw', async (req, res) => {
  const reviews = await mongo.collection('reviews').find({ $where: req.query.filter }).toArray(); // expect: nosql-injection
  res.json(reviews);
});

router.get('/reviews/min', async (req, res) => {
  const min = Number(req.query.min) || 0;
  const reviews = await mongo.collection('reviews').find({ $where: `this.rating >= ${min}` }).toArray(); // ok: nosql-injection
  res.json(reviews);
});

router.get('/reviews/by-author', async (req, res) => {
  const reviews = await mongo.collection('reviews').find({ author: String(req.query.author) }).toArray(); // ok: nosql-injection
  res.json(reviews);
});

router.get('/reviews/helpful', async (req, res) => {
  const reviews = await mongo.collection('reviews').find({ $where: 'this.helpful > 10' }).limit(Number(req.query.limit) || 10).toArray(); // ok: nosql-injection
  res.json(reviews);
});

router.get('/reviews/query', async (req, res) => {
  const clause = req.query.clause;
  const reviews = await mongo.collection('reviews').find({ status: 'published', $where: clause }).toArray(); // expect: nosql-injection
  res.json(reviews);
});

router.use((err, req, res, next) => {
  req.log.error({ err, body: req.body }, 'order request failed'); // ok: unvalidated-body
  res.status(500).json({ error: 'internal error' });
});

module.exports = router;
