import { Get, ParseIntPipe, Query } from '@nestjs/common';
import { Router, type Request, type Response } from 'express';

// Pagination and batch endpoints whose sizes come from the client (Express, TypeScript).
export const pageRouter = Router();
const MAX_PAGE = 100;

pageRouter.get('/items', (req: Request, res: Response) => {
  const size = Number(req.query.size ?? 20);
  const page: number[] = [];
  for (let i = 0; i < size; i++) { // expect: input-bound-loop
    page.push(i);
  }
  res.json(page);
});

pageRouter.get('/items/capped', (req: Request, res: Response) => {
  const size = Math.min(Number(req.query.size ?? 20), MAX_PAGE);
  const page: number[] = [];
  for (let i = 0; i < size; i++) { // ok: input-bound-loop
    page.push(i);
  }
  res.json(page);
});

pageRouter.get('/items/checked', (req: Request, res: Response) => {
  const size = parseInt(String(req.query.size), 10);
  if (size > MAX_PAGE) {
    throw new Error('page too large');
  }
  res.json(new Array<number>(size).fill(0)); // ok: input-bound-loop
});

pageRouter.get('/matrix', (req: Request, res: Response) => {
  const n = Number.parseInt(String(req.query.n), 10);
  res.json(Array.from({ length: n }, () => new Array(n).fill(0))); // expect: input-bound-loop
});

pageRouter.get('/matrix/fixed', (_req: Request, res: Response) => {
  res.json(Array.from({ length: 8 }, () => 0)); // ok: input-bound-loop
});

pageRouter.get('/indent', (req: Request, res: Response) => {
  const depth = Number(req.query.depth);
  res.type('text/plain').send(' '.repeat(depth) + 'x'); // expect: input-bound-loop
});

pageRouter.get('/pad', (req: Request, res: Response) => {
  const width = Number(req.query.width);
  res.type('text/plain').send('x'.padStart(width, '.')); // expect: input-bound-loop
});

pageRouter.get('/pad/capped', (req: Request, res: Response) => {
  const width = Math.min(Number(req.query.width), 40);
  res.type('text/plain').send('x'.padStart(width, '.')); // ok: input-bound-loop
});

pageRouter.get('/bytes', (req: Request, res: Response) => {
  res.send(Buffer.allocUnsafe(Number(req.query.bytes))); // expect: input-bound-loop
});

pageRouter.get('/tags', (req: Request, res: Response) => {
  const tags = String(req.query.tags).split(',');
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) { // ok: input-bound-loop
    out.push(tags[i].toLowerCase());
  }
  res.json(out);
});

pageRouter.get('/poll', async (_req: Request, res: Response) => {
  for (let attempt = 0; attempt < 3; attempt++) { // ok: input-bound-loop
    if (await ready()) return res.send('ready');
  }
  res.send('timeout');
});

export class SamplesController {
  @Get('samples')
  samples(@Query('count', ParseIntPipe) count: number) {
    return Array.from({ length: count }, (_, i) => i); // expect: input-bound-loop
  }

  @Get('samples/capped')
  samplesCapped(@Query('count', ParseIntPipe) count: number) {
    return Array.from({ length: Math.min(count, MAX_PAGE) }, (_, i) => i); // ok: input-bound-loop
  }
}
