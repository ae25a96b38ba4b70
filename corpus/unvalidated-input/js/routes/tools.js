'use strict';

// Text tools for the support console: highlight, split, validate (Express).
const express = require('express');
const axios = require('axios');
const escapeStringRegexp = require('escape-string-regexp');
const _ = require('lodash');

const router = express.Router();

const PRESETS = { email: '[^@\\s]+@[^@\\s]+', phone: '\\+?[0-9 ]{7,}' };
const HELPDESK_API = 'https://helpdesk.example.com/api/v2';
const SEPARATORS = [',', ';', '|'];

router.get('/highlight', (req, res) => {
  const term = req.query.term;
  const re = new RegExp('(' + term + ')', 'gi'); // expect: regex-injection
  res.json({ html: 'Order shipped'.replace(re, '<mark>$1</mark>') });
});

router.get('/highlight/escaped', (req, res) => {
  const re = new RegExp('(' + escapeStringRegexp(req.query.term) + ')', 'gi'); // ok: regex-injection
  res.json({ html: 'Order shipped'.replace(re, '<mark>$1</mark>') });
});

router.get('/highlight/lodash', (req, res) => {
  const re = new RegExp(_.escapeRegExp(req.query.term), 'gi'); // ok: regex-injection
  res.json({ count: ('Order shipped'.match(re) || []).length });
});

router.get('/preset', (req, res) => {
  const re = new RegExp(PRESETS[req.query.kind] || PRESETS.email); // ok: regex-injection
  res.json({ valid: re.test(req.query.value) });
});

router.get('/custom', (req, res) => {
  const re = RegExp(req.query.pattern); // expect: regex-injection
  res.json({ valid: re.test(req.query.value) });
});

router.get('/split', (req, res) => {
  const sep = req.query.sep;
  const parts = String(req.query.text).split(new RegExp(sep)); // expect: regex-injection
  res.json(parts);
});

router.get('/split/known', (req, res) => {
  const sep = req.query.sep;
  if (!SEPARATORS.includes(sep)) {
    return res.status(400).end();
  }
  res.json(String(req.query.text).split(new RegExp(escapeStringRegexp(sep)))); // ok: regex-injection
});

router.get('/count', (req, res) => {
  const { needle, text } = req.query;
  res.json({ count: (String(text).match(new RegExp(needle, 'g')) || []).length }); // expect: regex-injection
});

router.get('/count/plain', (req, res) => {
  const { needle, text } = req.query;
  res.json({ count: String(text).split(String(needle)).length - 1 }); // ok: regex-injection
});

router.post('/rules', (req, res) => {
  const compiled = req.body.rules.map((rule) => new RegExp(rule.pattern, rule.flags)); // expect: regex-injection // expect: unvalidated-body
  res.json({ rules: compiled.length });
});

router.post('/rules/limit', (req, res) => {
  const max = parseInt(req.body.max, 10);
  res.json({ ok: new RegExp(`^\\d{1,${max}}$`).test(req.body.value) }); // ok: regex-injection // expect: unvalidated-body
});

router.get('/tickets/:id', async (req, res) => {
  const response = await axios.get(`${HELPDESK_API}/tickets/${encodeURIComponent(req.params.id)}`); // ok: ssrf
  res.json(response.data);
});

router.get('/tickets-from', async (req, res) => {
  const response = await axios.get(req.query.api + '/tickets'); // expect: ssrf
  res.json(response.data);
});

router.post('/notify', async (req, res) => {
  await axios({ method: 'post', url: req.body.webhook, data: { text: 'hi' } }); // expect: ssrf // expect: unvalidated-body
  res.sendStatus(204);
});

router.post('/notify/fixed', async (req, res) => {
  await axios({ method: 'post', url: HELPDESK_API + '/notify', data: { text: req.body.text } }); // ok: ssrf // expect: unvalidated-body
  res.sendStatus(204);
});

router.post('/macro', (req, res) => {
  const result = eval(req.body.macro); // expect: code-injection // expect: unvalidated-body
  res.json({ result });
});

router.post('/macro/json', (req, res) => {
  const result = JSON.parse(req.body.macro); // ok: code-injection // expect: unvalidated-body
  res.json({ result });
});

router.post('/macro/interval', (req, res) => {
  setInterval(`refresh(${req.body.id})`, 5000); // expect: code-injection // expect: unvalidated-body
  res.sendStatus(202);
});

router.post('/macro/fixed', (req, res) => {
  const id = Number(req.body.id);
  setInterval(() => res.app.emit('refresh', id), 5000); // ok: code-injection
  res.sendStatus(202);
});

router.get('/initials', (req, res) => {
  const letter = String(req.query.letter).charAt(0);
  res.json({ hit: new RegExp('^' + escapeStringRegexp(letter), 'i').test('Alpha') }); // ok: regex-injection
});

module.exports = router;
