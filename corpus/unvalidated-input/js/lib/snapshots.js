'use strict';

// Outgoing uploads: the requests built here carry our own data, not a client's.
const SNAPSHOT_HOST = 'https://snapshots.internal.example';

async function uploadSnapshot(name, snapshot) {
  const request = new Request(`${SNAPSHOT_HOST}/v1/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: JSON.stringify(snapshot),
    headers: { 'content-type': 'application/json' },
  });
  const size = (await request.clone().text()).length;
  const stream = request.body; // ok: unvalidated-body
  return fetch(request.url, { method: 'PUT', body: stream, duplex: 'half', headers: { 'content-length': String(size) } });
}

function replayRequest(original) {
  if (original.method === 'GET') {
    return fetch(original.url);
  }
  {
    var req = original.clone();
    const payload = req.body; // ok: unvalidated-body
    return fetch(original.url, { method: original.method, body: payload, duplex: 'half' });
  }
}

module.exports = { uploadSnapshot, replayRequest };
