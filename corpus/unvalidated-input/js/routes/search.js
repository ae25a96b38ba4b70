'use strict';

// Ticket search, highlighting and the public status page (Express).
const express = require('express');
const escapeHtml = require('escape-html');
const escapeStringRegexp = require('escape-string-regexp');
const _ = require('lodash');
const tickets = require('../services/tickets');

const router = express.Router();

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const STATUS_PATTERN = /^(open|pending|closed)$/;

function escapeForRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

router.get('/search', async (req, res) => {
  const matcher = new RegExp(req.query.q, 'i'); // expect: regex-injection
  const rows = await tickets.recent(200);
  res.json(rows.filter((t) => matcher.test(t.subject)));
});

router.get('/search/literal', async (req, res) => {
  const matcher = new RegExp(escapeStringRegexp(req.query.q), 'i'); // ok: regex-injection
  const rows = await tickets.recent(200);
  res.json(rows.filter((t) => matcher.test(t.subject)));
});

router.get('/search/prefix', async (req, res) => {
  const prefix = _.escapeRegExp(req.query.prefix);
  const matcher = new RegExp(`^${prefix}`); // ok: regex-injection
  const rows = await tickets.recent(200);
  res.json(rows.filter((t) => matcher.test(t.reference)));
});

router.get('/search/words', async (req, res) => {
  const words = req.query.words.split(',').map((w) => w.trim());
  const matcher = RegExp(words.join('|'), 'gi'); // expect: regex-injection
  const rows = await tickets.recent(200);
  res.json(rows.filter((t) => matcher.test(t.body)));
});

router.get('/search/tag', async (req, res) => {
  const tag = req.query.tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matcher = new RegExp(`#${tag}\\b`); // ok: regex-injection
  const rows = await tickets.recent(200);
  res.json(rows.filter((t) => matcher.test(t.body)));
});

router.get('/search/assignee', async (req, res) => {
  const matcher = new RegExp(`^${escapeForRegex(req.query.assignee)}$`); // ok: regex-injection
  const rows = await tickets.recent(200);
  res.json(rows.filter((t) => matcher.test(t.assignee)));
});

router.get('/search/priority', async (req, res) => {
  const requested = req.query.priority;
  const priority = PRIORITIES.includes(requested) ? requested : 'normal';
  const matcher = new RegExp(`\\[${priority}\\]`); // ok: regex-injection
  res.json((await tickets.recent(100)).filter((t) => matcher.test(t.subject)));
});

router.get('/search/status', async (req, res) => {
  const matcher = new RegExp(STATUS_PATTERN.source, 'i'); // ok: regex-injection
  res.json((await tickets.recent(100)).filter((t) => matcher.test(req.query.status)));
});

router.get('/search/headers', (req, res) => {
  const agent = new RegExp(req.headers['x-agent-filter']); // expect: regex-injection
  res.json({ mobile: agent.test(req.get('User-Agent')) });
});

router.get('/highlight', async (req, res) => {
  const ticket = await tickets.find(Number(req.query.id));
  const term = req.query.term;
  res.send(`<h1>${ticket.subject}</h1><p>Results for <b>${term}</b></p>`); // expect: xss
});

router.get('/highlight/escaped', async (req, res) => {
  const ticket = await tickets.find(Number(req.query.id));
  res.send(`<h1>${escapeHtml(ticket.subject)}</h1><p>Results for <b>${escapeHtml(req.query.term)}</b></p>`); // ok: xss
});

router.get('/highlight/text', (req, res) => {
  // No tag in the text, but Express sends a string as text/html: a tag in the term runs.
  res.send(`Results for ${req.query.term}`); // expect: xss
});

router.get('/highlight/plain', (req, res) => {
  res.type('text/plain').send(`Results for ${req.query.term}`); // ok: xss
});

router.get('/highlight/json', (req, res) => {
  res.send({ term: req.query.term, page: Number(req.query.page) }); // ok: xss
});

router.get('/not-found', (req, res) => {
  res.status(404).send('<p>No ticket called ' + req.query.ref + '</p>'); // expect: xss
});

router.get('/not-found/escaped', (req, res) => {
  res.status(404).send('<p>No ticket called ' + _.escape(req.query.ref) + '</p>'); // ok: xss
});

router.get('/widget', (req, res) => {
  res.write('<div class="widget">');
  res.write(`<span>${req.query.label}</span>`); // expect: xss
  res.end('</div>'); // ok: xss
});

router.get('/widget/count', async (req, res) => {
  const count = await tickets.countOpen();
  res.type('html').send(`<span class="count">${count}</span>`); // ok: xss
});

router.get('/embed', (req, res) => {
  res.set('Content-Type', 'text/html').send(req.query.snippet); // expect: xss
});

router.get('/embed/priority', (req, res) => {
  const level = Number.parseInt(req.query.level, 10);
  res.send(`<meter value="${level}" max="${PRIORITIES.length}"></meter>`); // ok: xss
});

module.exports = router;
