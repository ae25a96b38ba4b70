import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NextResponse } from 'next/server';

// Raw markdown for the docs site (Next.js App Router, JavaScript).
const DOCS_DIR = path.join(process.cwd(), 'content', 'docs');

export async function GET(request, { params }) {
  const { slug } = await params;
  const markdown = await readFile(path.join(DOCS_DIR, `${slug}.md`), 'utf8'); // expect: path-traversal
  return new NextResponse(markdown, { headers: { 'content-type': 'text/markdown' } }); // ok: xss
}

export async function HEAD(request, context) {
  const { slug } = await context.params;
  const markdown = await readFile(path.join(DOCS_DIR, `${path.basename(slug)}.md`), 'utf8'); // ok: path-traversal
  return new NextResponse(null, { headers: { 'content-length': String(markdown.length) } });
}

export const POST = async (request, { params }) => {
  const { slug } = await params;
  const { searchParams } = new URL(request.url);
  const back = searchParams.get('back') ?? `/docs/${slug}`;
  return NextResponse.redirect(new URL(back, request.url)); // expect: open-redirect
};
