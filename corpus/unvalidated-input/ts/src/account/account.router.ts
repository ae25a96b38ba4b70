import { Router, type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import util from 'node:util';
import escapeHtml from 'escape-html';
import { isSafeRedirectUrl } from '../lib/urls';

// Account pages rendered without a template engine (Express, TypeScript).
export const accountRouter = Router();

const AVATARS = path.resolve('/srv/app/avatars');
const TABS = ['profile', 'security', 'billing'];
const WELCOME = '<main><h1>Welcome, {{name}}!</h1><p>Your account is ready.</p></main>';
const TERMS = readFileSync(path.join(__dirname, 'terms.html'), 'utf8'); // ok: path-traversal

accountRouter.get('/account', (req: Request, res: Response) => {
  let tab = String(req.query.tab ?? 'profile');
  if (!TABS.includes(tab)) tab = 'profile';
  res.redirect(`/account/${tab}`); // ok: open-redirect
});

accountRouter.get('/account/done', (req: Request, res: Response) => {
  let next = String(req.query.next ?? '/account');
  if (!next.startsWith('/') || next.startsWith('//')) {
    next = '/account';
  }
  res.redirect(next); // ok: open-redirect
});

accountRouter.get('/account/continue', (req: Request, res: Response) => {
  let next = req.query.next as string;
  if (!isSafeRedirectUrl(next)) next = '/account';
  res.redirect(next); // ok: open-redirect
});

accountRouter.get('/account/return', (req: Request, res: Response) => {
  let next = req.query.next as string;
  if (!next) next = '/account';
  res.redirect(next); // expect: open-redirect
});

accountRouter.get('/account/avatar/:file', async (req: Request, res: Response) => {
  const full = path.resolve(AVATARS, req.params.file);
  if (full.indexOf(AVATARS + path.sep) !== 0) {
    return res.sendStatus(400);
  }
  res.type('image/png').send(await readFile(full)); // ok: path-traversal
});

accountRouter.get('/account/avatar/:file/raw', async (req: Request, res: Response) => {
  const full = path.resolve(AVATARS, req.params.file);
  res.type('image/png').send(await readFile(full)); // expect: path-traversal
});

accountRouter.get('/account/welcome', (req: Request, res: Response) => {
  res.send(WELCOME.replace('{{name}}', String(req.query.name))); // expect: xss
});

accountRouter.get('/account/welcome/safe', (req: Request, res: Response) => {
  res.send(WELCOME.replace('{{name}}', escapeHtml(String(req.query.name)))); // ok: xss
});

accountRouter.get('/account/terms', (req: Request, res: Response) => {
  res.send(TERMS.replace('{{company}}', String(req.query.company))); // todo-expect: xss
});

accountRouter.get('/account/notice', (req: Request, res: Response) => {
  res.send(util.format('<div class="notice">%s</div>', req.query.message)); // expect: xss
});

accountRouter.get('/account/notice/count', (req: Request, res: Response) => {
  res.send(util.format('<div class="notice">%d new</div>', Number(req.query.count))); // ok: xss
});

accountRouter.post('/account/preferences', (req: Request, res: Response) => {
  const prefs = Object.assign({ theme: 'light' }, req.body); // expect: unvalidated-body
  res.send(`<body class="${prefs.theme}">Saved</body>`); // expect: xss
});
