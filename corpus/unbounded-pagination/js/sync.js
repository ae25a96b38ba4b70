'use strict';

// Importers that page through a partner API (Node).
const axios = require('axios');

const API = 'https://partner.example.com/api';
const MAX_PAGES = 200;

async function importOrdersUntilError() {
  const orders = [];
  let page = 1;
  for (;;) { // expect: unbounded-pagination
    const res = await axios.get(`${API}/orders`, { params: { page }, validateStatus: () => true });
    if (res.status !== 200) break;
    orders.push(...res.data.items);
    page += 1;
  }
  return orders;
}

async function importOrdersUntilEmpty() {
  const orders = [];
  let page = 1;
  for (;;) { // ok: unbounded-pagination
    const res = await axios.get(`${API}/orders`, { params: { page } });
    if (!res.data.items.length) break;
    orders.push(...res.data.items);
    page += 1;
  }
  return orders;
}

async function importOrdersCapped() {
  const orders = [];
  let page = 1;
  while (true) { // ok: unbounded-pagination
    const res = await axios.get(`${API}/orders`, { params: { page } });
    orders.push(...res.data.items);
    page += 1;
    if (page > MAX_PAGES) break;
  }
  return orders;
}

async function followNextLinks() {
  const events = [];
  let url = `${API}/events`;
  while (url) { // ok: unbounded-pagination
    const res = await fetch(url);
    const body = await res.json();
    events.push(...body.results);
    url = body.next;
  }
  return events;
}

async function followCursorBlindly() {
  const events = [];
  let cursor = '';
  while (true) { // expect: unbounded-pagination
    const res = await fetch(`${API}/events?cursor=${cursor}`);
    if (res.status >= 500) throw new Error('partner down');
    const body = await res.json();
    events.push(...body.results);
    cursor = body.nextCursor;
  }
}

async function followCursor() {
  const events = [];
  let cursor = '';
  while (true) { // ok: unbounded-pagination
    const body = await (await fetch(`${API}/events?cursor=${cursor}`)).json();
    events.push(...body.results);
    if (body.nextCursor === null) break;
    cursor = body.nextCursor;
  }
  return events;
}

async function byOffset(limit = 100) {
  const rows = [];
  let offset = 0;
  for (;;) { // ok: unbounded-pagination
    const { data } = await axios.get(`${API}/rows`, { params: { offset, limit } });
    rows.push(...data);
    if (data.length < limit) return rows;
    offset += limit;
  }
}

async function byOffsetUnchecked(limit = 100) {
  const rows = [];
  let offset = 0;
  for (;;) { // expect: unbounded-pagination
    const res = await axios.get(`${API}/rows`, { params: { offset, limit } });
    if (res.status === 404) return rows;
    rows.push(...res.data);
    offset += limit;
  }
}

async function hasMorePages() {
  const users = [];
  let page = 0;
  while (true) { // ok: unbounded-pagination
    const { data } = await axios.get(`${API}/users`, { params: { page } });
    users.push(...data.users);
    if (!data.hasMore) break;
    page += 1;
  }
  return users;
}

async function refreshToken() {
  while (true) { // ok: unbounded-pagination
    const res = await axios.post(`${API}/token`);
    if (res.status === 200) return res.data;
  }
}

module.exports = { importOrdersUntilError, importOrdersUntilEmpty, importOrdersCapped, followNextLinks, followCursorBlindly, followCursor, byOffset, byOffsetUnchecked, hasMorePages, refreshToken };
