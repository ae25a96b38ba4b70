'use strict';

// Custom report columns and scheduled digests (Express). Formulas are evaluated server side.
const express = require('express');
const vm = require('vm');
const { evaluate } = require('mathjs');
const reports = require('../services/reports');

const router = express.Router();

const BUILTIN_COLUMNS = {
  margin: 'row.revenue - row.cost',
  ratio: 'row.cost / row.revenue',
};
const SANDBOX_TIMEOUT_MS = 50;

router.post('/columns/preview', express.json(), async (req, res) => {
  const rows = await reports.sample(20);
  const formula = req.body.formula; // expect: unvalidated-body
  const values = rows.map((row) => eval(formula)); // expect: code-injection
  res.json(values);
});

router.get('/columns/builtin/:name', async (req, res) => {
  const rows = await reports.sample(20);
  const formula = BUILTIN_COLUMNS[req.params.name] || BUILTIN_COLUMNS.margin;
  const values = rows.map((row) => eval(formula)); // ok: code-injection
  res.json(values);
});

router.get('/columns/compile', async (req, res) => {
  const compute = new Function('row', `return ${req.query.expr};`); // expect: code-injection
  const rows = await reports.sample(20);
  res.json(rows.map((row) => compute(row)));
});

router.get('/columns/compile/builtin', async (req, res) => {
  const compute = new Function('row', `return ${BUILTIN_COLUMNS.ratio};`); // ok: code-injection
  const rows = await reports.sample(20);
  res.json(rows.map((row) => compute(row)));
});

router.get('/columns/math', (req, res) => {
  res.json({ value: evaluate(req.query.expr) }); // ok: code-injection
});

router.post('/sandbox', express.json(), (req, res) => {
  const { code, input } = req.body; // expect: unvalidated-body
  const result = vm.runInNewContext(code, { input }, { timeout: SANDBOX_TIMEOUT_MS }); // expect: code-injection
  res.json({ result });
});

router.post('/sandbox/script', express.text(), (req, res) => {
  const script = new vm.Script(req.body, { filename: 'user.js' }); // expect: code-injection, unvalidated-body
  res.json({ result: script.runInNewContext({}, { timeout: SANDBOX_TIMEOUT_MS }) });
});

router.get('/sandbox/fixed', (req, res) => {
  const script = new vm.Script('input.map((n) => n * 2)'); // ok: code-injection
  const input = String(req.query.values || '').split(',').map(Number);
  res.json({ result: script.runInNewContext({ input }) });
});

router.get('/sandbox/context', (req, res) => {
  const context = vm.createContext({ limit: Number(req.query.limit) });
  res.json({ result: vm.runInContext('limit * 2', context) }); // ok: code-injection
});

router.get('/sandbox/this', (req, res) => {
  res.json({ result: vm.runInThisContext(`(${req.query.fn})()`) }); // expect: code-injection
});

router.post('/digests', express.json(), (req, res) => {
  const delay = Number(req.query.delay) || 1000;
  setTimeout(() => reports.sendDigest(req.query.team), delay); // ok: code-injection
  setTimeout('reports.flush()', delay); // ok: code-injection
  res.sendStatus(202);
});

router.post('/digests/legacy', (req, res) => {
  setTimeout(`reports.sendDigest("${req.query.team}")`, 1000); // expect: code-injection
  res.sendStatus(202);
});

router.get('/state', (req, res) => {
  const filters = JSON.parse(req.query.filters || '{}');
  res.send(`<script>window.__FILTERS__ = ${JSON.stringify(filters)};</script>`); // expect: xss
});

router.get('/state/encoded', (req, res) => {
  const filters = Buffer.from(JSON.stringify(JSON.parse(req.query.filters || '{}'))).toString('base64');
  res.send(`<script>window.__FILTERS__ = JSON.parse(atob('${filters}'));</script>`); // todo-ok: xss
});

router.get('/parse/number', (req, res) => {
  const limit = parseInt(req.query.limit, 10);
  res.json({ value: eval(`${limit} * 2`) }); // ok: code-injection
});

router.get('/callback', (req, res) => {
  const callbackName = req.query.callback;
  const payload = JSON.stringify({ ok: true });
  res.type('application/javascript').send(`${callbackName}(${payload})`); // ok: xss
  const check = Function(`return typeof ${callbackName} === 'function'`); // expect: code-injection
  res.locals.checked = Boolean(check);
});

module.exports = router;
