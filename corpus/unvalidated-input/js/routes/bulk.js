'use strict';

// Bulk operations on shared folders (Express).
const express = require('express');
const fs = require('fs/promises');
const path = require('path');
const axios = require('axios');

const router = express.Router();

const SHARE_ROOT = '/srv/shares';
const MIRRORS = ['https://mirror-a.example.com/', 'https://mirror-b.example.com/'];

router.post('/shares/delete', express.json(), async (req, res) => {
  for (const name of req.body.files) { // expect: unvalidated-body
    await fs.unlink(path.join(SHARE_ROOT, name)); // expect: path-traversal
  }
  res.sendStatus(204);
});

router.post('/shares/delete/safe', express.json(), async (req, res) => {
  for (const name of req.body.files) { // expect: unvalidated-body
    await fs.unlink(path.join(SHARE_ROOT, path.basename(name))); // ok: path-traversal
  }
  res.sendStatus(204);
});

router.post('/shares/touch', express.json(), async (req, res) => {
  const { entries } = req.body; // expect: unvalidated-body
  await Promise.all(entries.map((entry) => fs.writeFile(path.join(SHARE_ROOT, entry.folder, '.keep'), ''))); // expect: path-traversal
  res.sendStatus(204);
});

router.get('/shares/ping', async (req, res) => {
  const results = [];
  String(req.query.hosts || '').split(',').forEach((host) => {
    results.push(axios.head(host, { timeout: 1000 })); // expect: ssrf
  });
  MIRRORS.forEach((mirror) => {
    results.push(axios.head(mirror, { timeout: 1000 })); // ok: ssrf
  });
  res.json({ checked: (await Promise.allSettled(results)).length });
});

router.get('/shares/sizes', async (req, res) => {
  const ids = String(req.query.ids || '').split(',').map((id) => Number.parseInt(id, 10));
  const sizes = await Promise.all(ids.map((id) => fs.stat(path.join(SHARE_ROOT, `${id}`)))); // ok: path-traversal
  res.json(sizes.map((s) => s.size));
});

router.get('/shares/list', async (req, res) => {
  const listings = {};
  for (const [key, folder] of Object.entries(req.query)) {
    listings[key] = await fs.readdir(path.join(SHARE_ROOT, folder)); // expect: path-traversal
  }
  res.json(listings);
});

module.exports = router;
