import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';

// Download, redirect and rename of uploaded files (Next.js App Router, Next 15 params).
const UPLOADS = path.join(process.cwd(), 'uploads');
const RenameBody = z.object({ name: z.string().regex(/^[\w.-]+$/) });

export async function GET(request: NextRequest, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const data = await readFile(path.join(UPLOADS, name)); // expect: path-traversal
  return new NextResponse(data);
}

export async function HEAD(request: NextRequest, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  const data = await readFile(path.join(UPLOADS, path.basename(name))); // ok: path-traversal
  return new NextResponse(null, { headers: { 'content-length': String(data.length) } });
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ name: string }> }) {
  const parsed = RenameBody.safeParse(await request.json()); // ok: unvalidated-body
  if (!parsed.success) {
    return NextResponse.json(parsed.error.flatten(), { status: 422 });
  }
  const { name } = await params;
  const next = request.nextUrl.searchParams.get('next') ?? '/files';
  if (next.startsWith('/') && !next.startsWith('//')) {
    return NextResponse.redirect(new URL(next, request.url)); // ok: open-redirect
  }
  return NextResponse.redirect(new URL(`/files/${encodeURIComponent(name)}`, request.url)); // ok: open-redirect
}

export async function DELETE(request: NextRequest) {
  const returnTo = request.nextUrl.searchParams.get('returnTo');
  return NextResponse.redirect(returnTo ?? new URL('/files', request.url)); // expect: open-redirect
}

export async function PATCH(request: NextRequest) {
  const body = await request.json(); // expect: unvalidated-body
  return NextResponse.redirect(new URL(body.returnTo, request.url)); // expect: open-redirect
}
