'use strict';

// Link previews, image proxy and webhook tests (Express).
const express = require('express');
const axios = require('axios');
const got = require('got');
const https = require('https');
const validator = require('validator');

const router = express.Router();

const STATUS_URL = 'https://status.example.com/api/v2/summary.json';
const PREVIEW_HOSTS = new Set(['news.example.com', 'blog.example.com']);
const GITHUB_API_URL = 'https://api.github.com';

router.get('/preview', async (req, res) => {
  const { data } = await axios.get(req.query.url, { timeout: 3000 }); // expect: ssrf
  res.json({ title: extractTitle(data) });
});

router.get('/preview/allowed', async (req, res) => {
  const url = req.query.url;
  if (!PREVIEW_HOSTS.has(new URL(url).hostname)) {
    return res.status(400).json({ error: 'host not allowed' });
  }
  const { data } = await axios.get(url, { timeout: 3000 }); // ok: ssrf
  res.json({ title: extractTitle(data) });
});

router.get('/status', async (req, res) => {
  const response = await fetch(STATUS_URL); // ok: ssrf
  res.json(await response.json());
});

router.get('/status/:component', async (req, res) => {
  const response = await fetch(`${STATUS_URL}?component=${encodeURIComponent(req.params.component)}`); // ok: ssrf
  res.json(await response.json());
});

router.get('/github/:user', async (req, res) => {
  const response = await fetch(`https://api.github.com/users/${req.params.user}`); // ok: ssrf
  res.json(await response.json());
});

router.get('/github/:user/repos', async (req, res) => {
  const { data } = await axios.get(`${GITHUB_API_URL}/users/${req.params.user}/repos`); // ok: ssrf
  res.json(data);
});

router.get('/image', async (req, res) => {
  const target = new URL(req.query.src);
  const upstream = await fetch(target); // expect: ssrf
  res.type(upstream.headers.get('content-type') || 'application/octet-stream');
  res.send(Buffer.from(await upstream.arrayBuffer()));
});

router.get('/image/checked', async (req, res) => {
  const target = new URL(req.query.src);
  if (!PREVIEW_HOSTS.has(target.hostname)) {
    return res.sendStatus(403);
  }
  const upstream = await fetch(target); // ok: ssrf
  res.send(Buffer.from(await upstream.arrayBuffer()));
});

router.post('/webhooks/test', express.json(), async (req, res) => {
  const hook = req.body; // expect: unvalidated-body
  const result = await got.post(hook.url, { json: { event: 'ping' } }); // expect: ssrf
  res.json({ status: result.statusCode });
});

router.post('/webhooks/verify', express.json(), async (req, res) => {
  const callback = req.body.callbackUrl; // expect: unvalidated-body
  if (!validator.isURL(callback, { protocols: ['https'], host_whitelist: ['hooks.example.com'] })) {
    return res.status(400).json({ error: 'callback not allowed' });
  }
  await axios.post(callback, { event: 'verify' }); // ok: ssrf
  res.sendStatus(204);
});

router.get('/feeds', (req, res) => {
  https.get(req.query.feed, (upstream) => upstream.pipe(res)); // expect: ssrf
});

router.get('/feeds/default', (req, res) => {
  https.get('https://news.example.com/rss.xml', (upstream) => upstream.pipe(res)); // ok: ssrf
});

router.get('/avatar', async (req, res) => {
  const { data } = await axios({ url: req.query.avatar, responseType: 'arraybuffer' }); // expect: ssrf
  res.type('image/png').send(data);
});

router.get('/avatar/default', async (req, res) => {
  const { data } = await axios({ url: 'https://cdn.example.com/avatar.png', params: { size: req.query.size } }); // ok: ssrf
  res.type('image/png').send(data);
});

router.post('/forward', express.json(), async (req, res) => {
  const service = req.header('X-Forward-To');
  const upstream = await fetch(service + '/events', { method: 'POST', body: JSON.stringify(req.body) }); // expect: ssrf, unvalidated-body
  res.status(upstream.status).end();
});

router.get('/oembed', async (req, res) => {
  const { query, headers } = req;
  const { data } = await axios.get(query.endpoint, { headers: { 'accept-language': headers['accept-language'] } }); // expect: ssrf
  res.json(data);
});

router.get('/oembed/youtube', async (req, res) => {
  const { query } = req;
  const { data } = await axios.get('https://www.youtube.com/oembed', { params: { url: query.url, format: 'json' } }); // ok: ssrf
  res.json(data);
});

function extractTitle(html) {
  const match = /<title>([^<]*)<\/title>/i.exec(html);
  return match ? match[1] : null;
}

module.exports = router;
