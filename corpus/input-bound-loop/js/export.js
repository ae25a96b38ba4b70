'use strict';

// Export endpoints whose sizes come from the query string (Express).
const express = require('express');

const router = express.Router();
const MAX_ROWS = 500;

router.get('/rows', (req, res) => {
  const count = Number(req.query.count);
  const rows = [];
  for (let i = 0; i < count; i++) { // expect: input-bound-loop
    rows.push({ row: i });
  }
  res.json(rows);
});

router.get('/rows/capped', (req, res) => {
  const count = Math.min(Number(req.query.count), MAX_ROWS);
  const rows = [];
  for (let i = 0; i < count; i++) { // ok: input-bound-loop
    rows.push({ row: i });
  }
  res.json(rows);
});

router.get('/rows/checked', (req, res) => {
  const count = parseInt(req.query.count, 10);
  if (count > MAX_ROWS) {
    return res.status(400).end();
  }
  res.json(Array.from({ length: count }, (_, i) => i)); // ok: input-bound-loop
});

router.get('/grid', (req, res) => {
  res.json(new Array(parseInt(req.query.size, 10)).fill(0)); // expect: input-bound-loop
});

router.get('/grid/fixed', (req, res) => {
  res.json(new Array(64).fill(0)); // ok: input-bound-loop
});

router.get('/rule', (req, res) => {
  res.send('-'.repeat(Number(req.query.width))); // expect: input-bound-loop
});

router.get('/rule/capped', (req, res) => {
  res.send('-'.repeat(Math.min(Number(req.query.width), 80))); // ok: input-bound-loop
});

router.get('/buffer', (req, res) => {
  res.send(Buffer.alloc(Number(req.body.bytes))); // expect: input-bound-loop
});

router.get('/ids', (req, res) => {
  res.json(Array.from({ length: Number(req.query.n) }, (_, i) => i + 1)); // expect: input-bound-loop
});

router.get('/list', (req, res) => {
  const items = String(req.query.items).split(',');
  const out = [];
  for (let i = 0; i < items.length; i++) { // ok: input-bound-loop
    out.push(items[i].trim());
  }
  res.json(out.slice(0, MAX_ROWS));
});

router.get('/retry', async (req, res) => {
  for (let attempt = 0; attempt < 5; attempt++) { // ok: input-bound-loop
    if (await ping()) return res.send('up');
  }
  res.send('down');
});

module.exports = router;
