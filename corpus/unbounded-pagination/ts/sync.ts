

// Importers that page through a partner API (Node, TypeScript).
import axios from 'axios';

const API = 'https://partner.example.com/api';
const MAX_PAGES = 200;

export async function importOrdersUntilError() {
  const orders: unknown[] = [];
  let page = 1;
  for (;;) { // expect: unbounded-pagination
    const res = await axios.get(`${API}/orders`, { params: { page }, validateStatus: () => true });
    if (res.status !== 200) break;
    orders.push(...res.data.items);
    page += 1;
  }
  return orders;
}

export async function importOrdersUntilEmpty() {
  const orders: unknown[] = [];
  let page = 1;
  for (;;) { // ok: unbounded-pagination
    const res = await axios.get(`${API}/orders`, { params: { page } });
    if (!res.data.items.length) break;
    orders.push(...res.data.items);
    page += 1;
  }
  return orders;
}

export async function importOrdersCapped() {
  const orders: unknown[] = [];
  let page = 1;
  while (true) { // ok: unbounded-pagination
    const res = await axios.get(`${API}/orders`, { params: { page } });
    orders.push(...res.data.items);
    page += 1;
    if (page > MAX_PAGES) break;
  }
  return orders;
}

export async function followNextLinks() {
  const events: unknown[] = [];
  let url = `${API}/events`;
  while (url) { // ok: unbounded-pagination
    const res = await fetch(url);
    const body = await res.json();
    events.push(...body.results);
    url = body.next;
  }
  return events;
}

export async function followCursorBlindly() {
  const events: unknown[] = [];
  let cursor = '';
  while (true) { // expect: unbounded-pagination
    const res = await fetch(`${API}/events?cursor=${cursor}`);
    if (res.status >= 500) throw new Error('partner down');
    const body = await res.json();
    events.push(...body.results);
    cursor = body.nextCursor;
  }
}

export async function followCursor() {
  const events: unknown[] = [];
  let cursor = '';
  while (true) { // ok: unbounded-pagination
    const body = await (await fetch(`${API}/events?cursor=${cursor}`)).json();
    events.push(...body.results);
    if (body.nextCursor === null) break;
    cursor = body.nextCursor;
  }
  return events;
}

export async function byOffset(limit: number = 100) {
  const rows: unknown[] = [];
  let offset = 0;
  for (;;) { // ok: unbounded-pagination
    const { data } = await axios.get(`${API}/rows`, { params: { offset, limit } });
    rows.push(...data);
    if (data.length < limit) return rows;
    offset += limit;
  }
}

export async function byOffsetUnchecked(limit: number = 100) {
  const rows: unknown[] = [];
  let offset = 0;
  for (;;) { // expect: unbounded-pagination
    const res = await axios.get(`${API}/rows`, { params: { offset, limit } });
    if (res.status === 404) return rows;
    rows.push(...res.data);
    offset += limit;
  }
}

export async function hasMorePages() {
  const users: unknown[] = [];
  let page = 0;
  while (true) { // ok: unbounded-pagination
    const { data } = await axios.get(`${API}/users`, { params: { page } });
    users.push(...data.users);
    if (!data.hasMore) break;
    page += 1;
  }
  return users;
}

export async function refreshToken() {
  while (true) { // ok: unbounded-pagination
    const res = await axios.post(`${API}/token`);
    if (res.status === 200) return res.data;
  }
}


