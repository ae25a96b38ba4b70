'use strict';

// Media service (Fastify): thumbnails, share links and the embed page.
const fastify = require('fastify')({ logger: true });
const fs = require('node:fs');
const path = require('node:path');
const he = require('he');
const { readStored } = require('../lib/storage');

const MEDIA_ROOT = '/srv/media';
const SHARE_HOSTS = ['share.example.com', 'cdn.example.com'];

const TIMEOUT_MS = 5000;

async function fetchRemote(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS); // ok: code-injection
  try {
    const response = await fetch(url, { signal: controller.signal }); // ok: ssrf
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}

const uploadSchema = {
  body: {
    type: 'object',
    required: ['name', 'size'],
    properties: { name: { type: 'string', pattern: '^[\\w.-]+$' }, size: { type: 'integer' } },
  },
};

function mediaPath(name) {
  return path.join(MEDIA_ROOT, name);
}

async function readSidecar(name) {
  const text = await fs.promises.readFile(mediaPath(name) + '.json', 'utf8'); // ok: path-traversal
  return JSON.parse(text);
}

fastify.get('/media/:file', async (request, reply) => {
  const stream = fs.createReadStream(path.join(MEDIA_ROOT, request.params.file)); // expect: path-traversal
  return reply.type('application/octet-stream').send(stream);
});

fastify.get('/media/:file/meta', async (request) => {
  const stats = await fs.promises.stat(path.join(MEDIA_ROOT, path.basename(request.params.file))); // ok: path-traversal
  return { size: stats.size };
});

fastify.get('/media/:file/sidecar', async (request) => {
  return readSidecar(request.params.file); // expect: path-traversal
});

fastify.get('/media/:file/location', async (request) => {
  return { path: mediaPath(request.params.file) }; // ok: path-traversal
});

fastify.get('/media/latest/sidecar', async () => {
  return readSidecar('latest'); // ok: path-traversal
});

fastify.get('/media/stored/:file', async (request) => {
  return readStored(request.params.file); // todo-expect: path-traversal
});

fastify.post('/media', { schema: uploadSchema }, async (request, reply) => {
  const { name, size } = request.body; // ok: unvalidated-body
  request.log.info({ name, size }, 'upload announced');
  return reply.code(202).send({ accepted: true });
});

fastify.post('/media/bulk', async (request) => {
  const items = request.body.items || []; // expect: unvalidated-body
  return { count: items.length };
});

fastify.route({
  method: 'PUT',
  url: '/media/:file/tags',
  schema: { body: { type: 'array', items: { type: 'string' } } },
  handler: async (request) => ({ tags: request.body }), // ok: unvalidated-body
});

fastify.get('/share', async (request, reply) => {
  return reply.redirect(request.query.to); // expect: open-redirect
});

fastify.get('/share/:id', async (request, reply) => {
  return reply.redirect(302, `/media/${encodeURIComponent(request.params.id)}`); // ok: open-redirect
});

fastify.get('/share/host', async (request, reply) => {
  const host = request.query.host;
  if (!SHARE_HOSTS.includes(host)) {
    return reply.code(400).send({ error: 'unknown host' });
  }
  return reply.redirect(`https://${host}/s/${request.query.id}`); // todo-ok: open-redirect
});

fastify.get('/remote', async (request) => {
  return fetchRemote(request.query.url); // expect: ssrf
});

fastify.get('/remote/default', async () => {
  return fetchRemote('https://cdn.example.com/manifest.json'); // ok: ssrf
});

fastify.get('/embed', async (request, reply) => {
  const title = request.query.title;
  return reply.type('text/html').send(`<html><body><h1>${title}</h1></body></html>`); // expect: xss
});

fastify.get('/embed/safe', async (request, reply) => {
  const title = he.encode(String(request.query.title || ''));
  return reply.type('text/html').send(`<html><body><h1>${title}</h1></body></html>`); // ok: xss
});

fastify.get('/embed/caption', async (request, reply) => {
  return reply.header('Content-Type', 'text/html; charset=utf-8').send(request.headers['x-caption']); // expect: xss
});

fastify.get('/embed/json', async (request, reply) => {
  return reply.send({ title: request.query.title }); // ok: xss
});

module.exports = fastify;
