'use strict';

// Attachments and exports for the support desk (Express).
const express = require('express');
const fs = require('fs');
const fsPromises = require('fs/promises');
const path = require('path');
const { readFile, unlink } = require('fs/promises');

const router = express.Router();

const UPLOAD_DIR = path.join(__dirname, '..', 'uploads');
const EXPORT_DIR = '/var/lib/helpdesk/exports';
const TEMPLATES = {
  invoice: 'invoice.html',
  receipt: 'receipt.html',
};
const FORMATS = new Set(['csv', 'json', 'xlsx']);

router.get('/attachments/:name', (req, res) => {
  res.sendFile(path.join(UPLOAD_DIR, req.params.name)); // expect: path-traversal
});

router.get('/attachments/:name/safe', (req, res) => {
  res.sendFile(req.params.name, { root: UPLOAD_DIR }); // ok: path-traversal
});

router.get('/attachments/:name/download', (req, res) => {
  const fileName = path.basename(req.params.name);
  res.download(path.join(UPLOAD_DIR, fileName)); // ok: path-traversal
});

router.get('/exports', async (req, res) => {
  const file = req.query.file;
  const data = await fsPromises.readFile(`${EXPORT_DIR}/${file}`, 'utf8'); // expect: path-traversal
  res.type('text/csv').send(data);
});

router.get('/exports/:id.:format', async (req, res) => {
  const id = Number(req.params.id);
  const { format } = req.params;
  if (!FORMATS.has(format)) {
    return res.status(400).json({ error: 'unsupported format' });
  }
  const stream = fs.createReadStream(path.join(EXPORT_DIR, `${id}.${format}`)); // ok: path-traversal
  stream.pipe(res);
});

router.get('/exports/raw', (req, res) => {
  const { name } = req.query;
  fs.createReadStream(path.resolve(EXPORT_DIR, name)).pipe(res); // expect: path-traversal
});

router.get('/templates/:kind', async (req, res) => {
  const template = TEMPLATES[req.params.kind] || TEMPLATES.invoice;
  const html = await readFile(path.join(__dirname, 'templates', template), 'utf8'); // ok: path-traversal
  res.type('html').send(html);
});

router.get('/templates/custom/:file', async (req, res) => {
  const html = await readFile(path.join(__dirname, 'templates', req.params.file), 'utf8'); // expect: path-traversal
  res.type('html').send(html);
});

router.delete('/attachments/:name', async (req, res) => {
  await unlink(path.join(UPLOAD_DIR, req.params.name)); // expect: path-traversal
  res.sendStatus(204);
});

router.delete('/attachments/:name/checked', async (req, res) => {
  const target = path.resolve(UPLOAD_DIR, req.params.name);
  if (!target.startsWith(UPLOAD_DIR + path.sep)) {
    return res.status(400).json({ error: 'bad path' });
  }
  await fsPromises.rm(target, { force: true }); // ok: path-traversal
  res.sendStatus(204);
});

router.get('/logs', (req, res) => {
  const lines = fs.readFileSync(path.join('/var/log/helpdesk', req.headers['x-log-file']), 'utf8'); // expect: path-traversal
  res.type('text/plain').send(lines);
});

router.get('/logs/today', (req, res) => {
  const today = new Date().toISOString().slice(0, 10);
  const lines = fs.readFileSync(path.join('/var/log/helpdesk', `${today}.log`), 'utf8'); // ok: path-traversal
  res.type('text/plain').send(lines);
});

router.get('/folders', async (req, res) => {
  const entries = await fs.promises.readdir(path.join(UPLOAD_DIR, req.query.folder || '')); // expect: path-traversal
  res.json(entries);
});

router.get('/folders/root', async (req, res) => {
  const entries = await fs.promises.readdir(UPLOAD_DIR); // ok: path-traversal
  res.json(entries.slice(0, Number(req.query.limit) || 50));
});

router.post('/notes/:ticket', express.text(), async (req, res) => {
  const ticket = parseInt(req.params.ticket, 10);
  await fsPromises.writeFile(path.join(UPLOAD_DIR, 'notes', `${ticket}.txt`), req.body); // ok: path-traversal // expect: unvalidated-body
  res.sendStatus(201);
});

router.get('/preview', (req, res) => {
  res.sendFile(req.query.path, (err) => { // expect: path-traversal
    if (err) res.sendStatus(404);
  });
});

router.get('/shared', (req, res) => {
  const safePath = path.normalize(req.query.path).replace(/^(\.\.(\/|\\|$))+/, '');
  res.sendFile(path.join(UPLOAD_DIR, 'shared', safePath)); // ok: path-traversal
});

router.get('/shared/:slug', (req, res) => {
  const { slug } = req.params;
  if (!/^[a-z0-9-]+$/.test(slug)) {
    return res.sendStatus(400);
  }
  res.sendFile(path.join(UPLOAD_DIR, 'shared', `${slug}.pdf`)); // ok: path-traversal
});

router.get('/stat/:name', (req, res) => {
  fs.stat(path.join(UPLOAD_DIR, path.basename(req.params.name)), (err, stats) => { // ok: path-traversal
    if (err) return res.sendStatus(404);
    res.json({ size: stats.size });
  });
});

module.exports = router;
