import { Router, type Request, type Response } from 'express';
import axios from 'axios';
import vm from 'node:vm';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import escapeHtml from 'escape-html';
import escapeStringRegexp from 'escape-string-regexp';
import { z } from 'zod';

// Developer tools behind the admin console: formula playground, URL checker, text filters
// (Express, TypeScript).
export const toolsRouter = Router();

const SNIPPETS_DIR = '/srv/tools/snippets';
const STATUS_PAGE = 'https://status.example.com';
const FORMULAS: Record<string, string> = { double: 'x * 2', square: 'x * x' };
const PARTNERS = new Set(['https://partner-a.example.com/hook', 'https://partner-b.example.com/hook']);
const WORD = /^[a-z]+$/;

const CheckSchema = z.object({ url: z.string().url().startsWith('https://partner-') });

toolsRouter.post('/formula', (req: Request, res: Response) => {
  const formula: string = req.body.formula; // expect: unvalidated-body
  res.json({ value: eval(formula) }); // expect: code-injection
});

toolsRouter.post('/formula/named', (req: Request, res: Response) => {
  const name = String(req.body.name); // expect: unvalidated-body
  const source = FORMULAS[name] ?? '0';
  res.json({ value: vm.runInNewContext(source, { x: 3 }) }); // ok: code-injection
});

toolsRouter.post('/formula/sandbox', (req: Request, res: Response) => {
  const context = vm.createContext({ x: Number(req.body.x) });
  res.json({ value: vm.runInContext(req.body.expression, context) }); // expect: code-injection // expect: unvalidated-body
});

toolsRouter.post('/formula/fixed', (req: Request, res: Response) => {
  const x = Number(req.body.x);
  res.json({ value: vm.runInNewContext('x * 2', { x }) }); // ok: code-injection
});

toolsRouter.post('/formula/function', (req: Request, res: Response) => {
  const fn = new Function('x', `return ${req.body.body};`); // expect: code-injection // expect: unvalidated-body
  res.json({ value: fn(3) });
});

toolsRouter.post('/formula/function-fixed', (req: Request, res: Response) => {
  const fn = new Function('x', 'return x * 2;'); // ok: code-injection
  res.json({ value: fn(Number(req.body.x)) });
});

toolsRouter.post('/formula/json', (req: Request, res: Response) => {
  const data = JSON.parse(String(req.body.data)); // expect: unvalidated-body
  res.json({ value: eval(String(Number(data.x) * 2)) }); // ok: code-injection
});

toolsRouter.get('/formula/query', (req: Request, res: Response) => {
  const expression = req.query.expr as string;
  res.json({ value: eval('(' + expression + ')') }); // expect: code-injection
});

toolsRouter.get('/formula/count', (req: Request, res: Response) => {
  const count = parseInt(req.query.count as string, 10);
  res.json({ value: eval(`${count} + 1`) }); // ok: code-injection
});

toolsRouter.post('/formula/script', (req: Request, res: Response) => {
  const script = new vm.Script(req.body.source); // expect: code-injection // expect: unvalidated-body
  res.json({ value: script.runInNewContext({ x: 3 }) });
});

toolsRouter.post('/formula/script-fixed', (req: Request, res: Response) => {
  const script = new vm.Script('x + 1'); // ok: code-injection
  res.json({ value: script.runInNewContext({ x: Number(req.body.x) }) });
});

toolsRouter.post('/timer', (req: Request, res: Response) => {
  setTimeout(req.body.callback, 1000); // expect: code-injection // expect: unvalidated-body
  res.sendStatus(202);
});

toolsRouter.post('/timer/fixed', (req: Request, res: Response) => {
  const delay = Number(req.body.delay);
  setTimeout(() => res.sendStatus(202), delay); // ok: code-injection
});

toolsRouter.post('/formula/template', (req: Request, res: Response) => {
  const word = String(req.body.word); // expect: unvalidated-body
  if (!WORD.test(word)) {
    return res.sendStatus(400);
  }
  res.json({ value: eval(`FORMULAS.${word}`) }); // todo-ok: code-injection
});

toolsRouter.post('/formula/validated', (req: Request, res: Response) => {
  const { x } = z.object({ x: z.number() }).parse(req.body);
  res.json({ value: eval(`${x} * 2`) }); // ok: code-injection
});

toolsRouter.get('/check', async (req: Request, res: Response) => {
  const target = req.query.url as string;
  const response = await axios.get(target, { timeout: 3000 }); // expect: ssrf
  res.json({ status: response.status });
});

toolsRouter.get('/check/status', async (req: Request, res: Response) => {
  const component = encodeURIComponent(String(req.query.component));
  const response = await fetch(`${STATUS_PAGE}/api/components/${component}`); // ok: ssrf
  res.json(await response.json());
});

toolsRouter.post('/check/partner', async (req: Request, res: Response) => {
  const hook = String(req.body.hook); // expect: unvalidated-body
  if (!PARTNERS.has(hook)) {
    return res.sendStatus(400);
  }
  await axios.post(hook, { ping: true }); // ok: ssrf
  res.sendStatus(204);
});

toolsRouter.post('/check/any', async (req: Request, res: Response) => {
  await axios.post(req.body.hook, { ping: true }); // expect: ssrf // expect: unvalidated-body
  res.sendStatus(204);
});

toolsRouter.post('/check/validated', async (req: Request, res: Response) => {
  const { url } = CheckSchema.parse(req.body);
  await fetch(url, { method: 'POST' }); // ok: ssrf
  res.sendStatus(204);
});

toolsRouter.get('/check/host', async (req: Request, res: Response) => {
  const host = req.query.host as string;
  const response = await fetch(`https://${host}/healthz`); // expect: ssrf
  res.json({ ok: response.ok });
});

toolsRouter.get('/check/port', async (req: Request, res: Response) => {
  const port = Number(req.query.port);
  const response = await fetch(`http://127.0.0.1:${port}/healthz`); // ok: ssrf
  res.json({ ok: response.ok });
});

toolsRouter.get('/check/header', async (req: Request, res: Response) => {
  const callback = req.get('X-Callback-Url') ?? STATUS_PAGE;
  const response = await axios.request({ url: callback, method: 'GET' }); // expect: ssrf
  res.json({ status: response.status });
});

toolsRouter.get('/check/fixed', async (_req: Request, res: Response) => {
  const response = await axios.get(STATUS_PAGE + '/api/summary.json'); // ok: ssrf
  res.json(response.data);
});

toolsRouter.get('/check/path', async (req: Request, res: Response) => {
  const response = await fetch('https://status.example.com/api/' + req.query.page); // ok: ssrf
  res.json(await response.json());
});

toolsRouter.post('/check/redirect-target', async (req: Request, res: Response) => {
  const { next } = req.body; // expect: unvalidated-body
  const response = await fetch(next, { redirect: 'manual' }); // expect: ssrf
  res.json({ location: response.headers.get('location') });
});

toolsRouter.get('/check/incident/:id', async (req: Request, res: Response) => {
  const response = await axios.get(`https://status.example.com/api/incidents/${req.params.id}`); // ok: ssrf
  res.json(response.data);
});

toolsRouter.get('/filter', async (req: Request, res: Response) => {
  const expression = String(req.query.re);
  const lines = (await readFile(path.join(SNIPPETS_DIR, 'index.txt'), 'utf8')).split('\n');
  res.json(lines.filter((line) => new RegExp(expression).test(line))); // expect: regex-injection
});

toolsRouter.get('/filter/literal', async (req: Request, res: Response) => {
  const needle = escapeStringRegexp(String(req.query.q));
  res.json(['alpha', 'beta'].filter((line) => new RegExp(needle, 'i').test(line))); // ok: regex-injection
});

toolsRouter.get('/filter/word', (req: Request, res: Response) => {
  const word = req.query.word as string;
  res.json({ hit: RegExp(`\\b${word}\\b`).test('alpha beta') }); // expect: regex-injection
});

toolsRouter.get('/filter/match', (req: Request, res: Response) => {
  const text = 'order-123 order-456';
  res.json({ hits: text.match(req.query.pattern as string) }); // expect: regex-injection
});

toolsRouter.get('/filter/fixed', (req: Request, res: Response) => {
  res.json({ hits: String(req.query.text).match(/order-\d+/g) }); // ok: regex-injection
});

toolsRouter.get('/filter/prefix', (req: Request, res: Response) => {
  const prefix = String(req.query.prefix);
  if (!WORD.test(prefix)) {
    return res.sendStatus(400);
  }
  res.json({ hit: new RegExp('^' + prefix).test('alpha') }); // todo-ok: regex-injection
});

toolsRouter.get('/filter/size', (req: Request, res: Response) => {
  const size = Number.parseInt(String(req.query.size), 10);
  res.json({ hit: new RegExp(`^.{0,${size}}$`).test('alpha') }); // ok: regex-injection
});

toolsRouter.get('/filter/flags', (req: Request, res: Response) => {
  const flags = req.query.flags as string;
  res.json({ hit: new RegExp('^alpha$', flags).test('ALPHA') }); // ok: regex-injection
});

toolsRouter.post('/filter/body', (req: Request, res: Response) => {
  const rules: string[] = req.body.rules; // expect: unvalidated-body
  const matchers = rules.map((rule) => new RegExp(rule)); // expect: regex-injection
  res.json({ count: matchers.length });
});

toolsRouter.post('/filter/body-escaped', (req: Request, res: Response) => {
  const rules: string[] = req.body.rules; // expect: unvalidated-body
  const matchers = rules.map((rule) => new RegExp(escapeStringRegexp(rule))); // ok: regex-injection
  res.json({ count: matchers.length });
});

toolsRouter.get('/snippets/:name', (req: Request, res: Response) => {
  createReadStream(path.join(SNIPPETS_DIR, req.params.name)).pipe(res); // expect: path-traversal
});

toolsRouter.get('/snippets-safe/:name', (req: Request, res: Response) => {
  createReadStream(path.join(SNIPPETS_DIR, path.basename(req.params.name))).pipe(res); // ok: path-traversal
});

toolsRouter.get('/snippets-file', (req: Request, res: Response) => {
  res.sendFile(String(req.query.file), { root: SNIPPETS_DIR }); // ok: path-traversal
});

toolsRouter.get('/snippets-download', (req: Request, res: Response) => {
  res.download(`${SNIPPETS_DIR}/${req.query.file}`); // expect: path-traversal
});

toolsRouter.get('/preview', (req: Request, res: Response) => {
  const title = String(req.query.title);
  res.send(`<h1>${title}</h1>`); // expect: xss
});

toolsRouter.get('/preview/escaped', (req: Request, res: Response) => {
  const title = escapeHtml(String(req.query.title));
  res.send(`<h1>${title}</h1>`); // ok: xss
});

toolsRouter.get('/preview/json', (req: Request, res: Response) => {
  res.json({ title: req.query.title }); // ok: xss
});

toolsRouter.get('/preview/list', (req: Request, res: Response) => {
  const items = String(req.query.items).split(',');
  res.send('<ul>' + items.map((item) => `<li>${item}</li>`).join('') + '</ul>'); // expect: xss
});

toolsRouter.get('/preview/count', (req: Request, res: Response) => {
  const count = Number(req.query.count);
  res.send(`<p>${count} results</p>`); // ok: xss
});

toolsRouter.get('/preview/typed', (req: Request, res: Response) => {
  res.type('html').send(String(req.query.body)); // expect: xss
});

toolsRouter.get('/preview/text', (req: Request, res: Response) => {
  res.type('text').send(`Hello ${req.query.name}`); // ok: xss
});

toolsRouter.get('/preview/write', (req: Request, res: Response) => {
  res.write(`<div class="note">${req.query.note}</div>`); // expect: xss
  res.end();
});

toolsRouter.get('/go', (req: Request, res: Response) => {
  res.redirect(String(req.query.to)); // expect: open-redirect
});

toolsRouter.get('/go/docs', (req: Request, res: Response) => {
  res.redirect(`/docs/${encodeURIComponent(String(req.query.page))}`); // ok: open-redirect
});

toolsRouter.get('/go/partner', (req: Request, res: Response) => {
  res.redirect(302, 'https://partner-a.example.com/landing?ref=' + req.query.ref); // ok: open-redirect
});
