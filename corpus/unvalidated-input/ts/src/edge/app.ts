import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';

// Edge functions (Hono): redirects, a status badge and the search API.
const app = new Hono();
const STATUS_API_URL = 'https://status.example.com/api';
const searchQuery = z.object({ q: z.string().max(100), page: z.coerce.number().default(1) });

app.get('/go/:slug', (c) => {
  const target = c.req.query('to');
  return c.redirect(target ?? '/'); // expect: open-redirect
});

app.get('/go/home', (c) => c.redirect('/')); // ok: open-redirect

app.get('/badge', async (c) => {
  const label = c.req.query('label') ?? 'status';
  return c.html(`<svg xmlns="http://www.w3.org/2000/svg"><text>${label}</text></svg>`); // expect: xss
});

app.get('/badge/static', (c) => c.html('<svg xmlns="http://www.w3.org/2000/svg"><text>ok</text></svg>')); // ok: xss

app.get('/status/:component', async (c) => {
  const res = await fetch(`${STATUS_API_URL}/components/${c.req.param('component')}`); // ok: ssrf
  return c.json(await res.json());
});

app.get('/mirror', async (c) => {
  const res = await fetch(c.req.query('src') ?? STATUS_API_URL); // expect: ssrf
  return c.body(res.body);
});

app.get('/search', zValidator('query', searchQuery), (c) => {
  const { q, page } = c.req.valid('query');
  return c.json({ q, page });
});

app.get('/search/raw', (c) => {
  const pattern = new RegExp(c.req.query('q') ?? ''); // expect: regex-injection
  return c.json({ source: pattern.source });
});

app.post('/events', zValidator('json', z.object({ type: z.string() })), async (c) => {
  const event = await c.req.json(); // ok: unvalidated-body
  return c.json({ type: event.type });
});

app.post('/events/raw', async (c) => {
  const event = await c.req.json(); // expect: unvalidated-body
  return c.json({ type: event.type });
});

export default app;
