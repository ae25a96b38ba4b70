import { NextRequest, NextResponse } from 'next/server';

// Image and JSON proxy for the storefront (Next.js App Router route handlers).
const IMAGE_HOSTS = new Set(['images.example.com', 'cdn.example.com']);
const WEATHER_API = 'https://api.weather.example.com/v1/current';

export async function GET(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('url');
  if (!target) {
    return NextResponse.json({ error: 'url is required' }, { status: 400 });
  }
  const upstream = await fetch(target, { cache: 'no-store' }); // expect: ssrf
  return new NextResponse(upstream.body, { headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' } }); // ok: xss
}

export async function HEAD(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('url') ?? '';
  if (!IMAGE_HOSTS.has(new URL(target).hostname)) {
    return new NextResponse(null, { status: 403 }); // ok: xss
  }
  const upstream = await fetch(target, { method: 'HEAD' }); // ok: ssrf
  return new NextResponse(null, { status: upstream.status });
}

export async function POST(request: Request) {
  const { callback, city } = await request.json(); // expect: unvalidated-body
  const weather = await fetch(`${WEATHER_API}?city=${encodeURIComponent(city)}`); // ok: ssrf
  await fetch(callback, { method: 'POST', body: JSON.stringify(await weather.json()) }); // expect: ssrf
  return NextResponse.json({ ok: true });
}

export async function PUT(request: Request) {
  const { searchParams } = new URL(request.url);
  const feed = searchParams.get('feed');
  const response = await fetch(`https://${feed}/rss.xml`); // expect: ssrf
  return new Response(await response.text(), { headers: { 'content-type': 'application/rss+xml' } }); // ok: xss
}

export async function PATCH(request: Request) {
  const { searchParams } = new URL(request.url);
  const name = searchParams.get('name') ?? 'there';
  return new Response(`<!DOCTYPE html><p>Hello ${name}</p>`, { headers: { 'content-type': 'text/html' } }); // expect: xss
}

export async function OPTIONS(request: Request) {
  const origin = request.headers.get('origin');
  return new Response(null, { status: 204, headers: { 'access-control-allow-origin': origin ?? '*' } }); // ok: xss
}
