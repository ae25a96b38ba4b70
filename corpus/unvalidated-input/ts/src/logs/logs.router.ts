import { Router, type Request, type Response } from 'express';
import { escapeRegExp } from 'lodash';
import { readFile } from 'node:fs/promises';
import { body, validationResult } from 'express-validator';
import { LogStore } from './log-store';

// Log search for the ops console (Express, TypeScript).
export const logsRouter = Router();
const store = new LogStore('/var/log/app');

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

logsRouter.get('/logs/grep', async (req: Request, res: Response) => {
  const pattern = new RegExp(req.query.pattern as string, 'm'); // expect: regex-injection
  res.json((await store.lines()).filter((line) => pattern.test(line)));
});

logsRouter.get('/logs/grep/literal', async (req: Request, res: Response) => {
  const pattern = new RegExp(literal(String(req.query.pattern)), 'm'); // ok: regex-injection
  res.json((await store.lines()).filter((line) => pattern.test(line)));
});

logsRouter.get('/logs/grep/lodash', async (req: Request, res: Response) => {
  const needle = escapeRegExp(String(req.query.pattern));
  res.json((await store.lines()).filter((line) => new RegExp(needle, 'i').test(line))); // ok: regex-injection
});

logsRouter.get('/logs/level/:level', async (req: Request, res: Response) => {
  const { level } = req.params;
  if (!LEVELS.has(level)) {
    return res.status(400).json({ error: 'unknown level' });
  }
  const pattern = new RegExp(`\\b${level.toUpperCase()}\\b`); // ok: regex-injection
  res.json((await store.lines()).filter((line) => pattern.test(line)));
});

logsRouter.get('/logs/service/:service', async (req: Request, res: Response) => {
  const pattern = new RegExp(`^\\[${req.params.service}\\]`); // expect: regex-injection
  res.json((await store.lines()).filter((line) => pattern.test(line)));
});

logsRouter.get('/logs/request/:id', async (req: Request, res: Response) => {
  const matches = (await store.lines()).filter((line) => line.includes(req.params.id));
  res.json({ valid: REQUEST_ID.test(req.params.id), matches }); // ok: regex-injection
});

logsRouter.get('/logs/exclude', async (req: Request, res: Response) => {
  const excluded = String(req.query.exclude ?? '').split(',');
  const pattern = new RegExp(excluded.join('|')); // expect: regex-injection
  res.json((await store.lines()).filter((line) => !pattern.test(line)));
});

logsRouter.get('/logs/since', async (req: Request, res: Response) => {
  const minutes = parseInt(String(req.query.minutes), 10) || 15;
  const pattern = new RegExp(`took (\\d{${minutes},})ms`); // ok: regex-injection
  res.json((await store.lines()).filter((line) => pattern.test(line)));
});

logsRouter.get('/logs/header', async (req: Request, res: Response) => {
  const filter = req.get('X-Log-Filter') ?? '.*';
  res.json((await store.lines()).filter((line) => RegExp(filter).test(line))); // expect: regex-injection
});

logsRouter.post(
  '/logs/alerts',
  body('pattern').isString().isLength({ max: 64 }),
  async (req: Request, res: Response) => {
    const errors = validationResult(req);
    if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
    const alert = new RegExp(req.body.pattern); // expect: regex-injection // ok: unvalidated-body
    store.watch(alert);
    res.sendStatus(201);
  },
);

logsRouter.post('/logs/alerts/raw', async (req: Request, res: Response) => {
  const { pattern, flags } = req.body; // expect: unvalidated-body
  store.watch(new RegExp(pattern, flags)); // expect: regex-injection
  res.sendStatus(201);
});

logsRouter.get('/logs/archive', async (req: Request, res: Response) => {
  const file = `/var/log/app/archive/${req.query.day}.log`;
  res.type('text/plain').send(await readFile(file, 'utf8')); // expect: path-traversal
});
