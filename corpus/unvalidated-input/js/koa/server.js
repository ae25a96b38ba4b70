'use strict';

// The public docs site and its small API (Koa + @koa/router + koa-body).
const Koa = require('koa');
const Router = require('@koa/router');
const { koaBody } = require('koa-body');
const fs = require('fs/promises');
const path = require('path');
const Joi = require('joi');
const escapeHtml = require('escape-html');
const escapeStringRegexp = require('escape-string-regexp');

const app = new Koa();
const router = new Router();

const DOCS_ROOT = path.resolve(__dirname, 'docs');
const LOCALES = ['en', 'de', 'fr'];
const feedbackSchema = Joi.object({
  page: Joi.string().max(200).required(),
  rating: Joi.number().integer().min(1).max(5).required(),
  comment: Joi.string().max(2000).allow(''),
});

router.get('/docs/:page', async (ctx) => {
  ctx.body = await fs.readFile(path.join(DOCS_ROOT, `${ctx.params.page}.md`), 'utf8'); // expect: path-traversal
});

router.get('/docs/:locale/:page', async (ctx) => {
  const locale = ctx.params.locale;
  if (!LOCALES.includes(locale)) ctx.throw(404);
  const page = path.basename(ctx.params.page);
  ctx.body = await fs.readFile(path.join(DOCS_ROOT, locale, `${page}.md`), 'utf8'); // ok: path-traversal
});

router.get('/docs/:locale/index', async (ctx) => {
  const { locale } = ctx.params;
  ctx.assert(LOCALES.includes(locale), 404, 'unknown locale');
  ctx.body = await fs.readFile(path.join(DOCS_ROOT, locale, 'index.md'), 'utf8'); // ok: path-traversal
});

router.get('/search', async (ctx) => {
  const { q } = ctx.query;
  const pattern = new RegExp(q, 'i'); // expect: regex-injection
  const titles = await fs.readdir(DOCS_ROOT); // ok: path-traversal
  ctx.body = `<ul>${titles.filter((t) => pattern.test(t)).map((t) => `<li>${t}</li>`).join('')}</ul>`; // ok: xss
});

router.get('/search/plain', async (ctx) => {
  const pattern = new RegExp(escapeStringRegexp(ctx.query.q || ''), 'i'); // ok: regex-injection
  const titles = await fs.readdir(DOCS_ROOT);
  ctx.body = { results: titles.filter((t) => pattern.test(t)) };
});

router.get('/hello', (ctx) => {
  ctx.body = `<h1>Hello, ${ctx.query.name}!</h1>`; // expect: xss
});

router.get('/hello/escaped', (ctx) => {
  ctx.body = `<h1>Hello, ${escapeHtml(ctx.query.name)}!</h1>`; // ok: xss
});

router.get('/hello/json', (ctx) => {
  ctx.body = { greeting: `Hello, ${ctx.query.name}!` }; // ok: xss
});

router.get('/banner', (ctx) => {
  const message = ctx.get('X-Banner');
  ctx.response.body = '<div class="banner">' + message + '</div>'; // expect: xss
});

router.get('/out', (ctx) => {
  ctx.redirect(ctx.query.url); // expect: open-redirect
});

router.get('/out/docs/:page', (ctx) => {
  ctx.redirect(`/docs/${encodeURIComponent(ctx.params.page)}`); // ok: open-redirect
});

router.get('/out/back', (ctx) => {
  ctx.redirect('back', '/docs'); // ok: open-redirect
});

router.post('/feedback', koaBody(), async (ctx) => {
  const { value, error } = feedbackSchema.validate(ctx.request.body); // ok: unvalidated-body
  if (error) ctx.throw(422, error.message);
  await fs.appendFile(path.join(DOCS_ROOT, 'feedback.log'), JSON.stringify(value) + '\n'); // ok: path-traversal
  ctx.status = 204;
});

router.post('/feedback/raw', koaBody(), async (ctx) => {
  const feedback = ctx.request.body; // expect: unvalidated-body
  await fs.appendFile(path.join(DOCS_ROOT, 'feedback', feedback.page), JSON.stringify(feedback) + '\n'); // expect: path-traversal
  ctx.status = 204;
});

router.post('/preview', koaBody(), async (ctx) => {
  const { markdown, theme } = ctx.request.body; // expect: unvalidated-body
  ctx.body = `<article class="${theme}">${markdown}</article>`; // expect: xss
});

router.post('/export', koaBody(), async (ctx) => {
  const { body } = ctx.request; // expect: unvalidated-body
  const { format } = ctx.query;
  await fs.writeFile(path.join(DOCS_ROOT, 'exports', `${body.name}.${format}`), body.content); // expect: path-traversal
  ctx.status = 201;
});

app.use(router.routes()).use(router.allowedMethods());

module.exports = app;
