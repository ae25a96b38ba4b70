// Start-up jobs: wait for the database, run migrations, read local settings.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs/promises");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const MAX_TRIES = 10;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectUntilUp() {
  let connected = false;
  let client;
  while (!connected) { // expect: uncapped-retry
    try {
      client = await pool.connect();
      connected = true;
    } catch (err) {
      await delay(5000);
    }
  }
  return client;
}

async function connectUntilUpCapped() {
  let connected = false;
  let tries = 0;
  let client;
  while (!connected) { // ok: uncapped-retry
    try {
      client = await pool.connect();
      connected = true;
    } catch (err) {
      tries = tries + 1;
      if (tries === MAX_TRIES) {
        throw err;
      }
      await delay(5000);
    }
  }
  return client;
}

async function runMigrations() {
  while (true) { // expect: uncapped-retry
    try {
      execFileSync("npx", ["knex", "migrate:latest"], { stdio: "inherit" });
      break;
    } catch (err) {
      await delay(10_000);
    }
  }
}

async function waitForSchema() {
  let ready = false;
  do { // expect: uncapped-retry
    try {
      const { rows } = await pool.query("SELECT 1 FROM schema_migrations LIMIT 1");
      ready = rows.length > 0;
    } catch (err) {
      ready = false;
    }
  } while (!ready);
}

async function waitForSchemaCapped() {
  let ready = false;
  let left = MAX_TRIES;
  while (!ready) { // ok: uncapped-retry
    try {
      const { rows } = await pool.query("SELECT 1 FROM schema_migrations LIMIT 1");
      ready = rows.length > 0;
    } catch (err) {
      left--;
      if (left <= 0) {
        throw err;
      }
    }
    await delay(1000);
  }
}

async function pingUntilDeadline(deadline) {
  while (true) { // expect: uncapped-retry
    try {
      await pool.query("SELECT 1");
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        throw err;
      }
    }
  }
}

async function readSettings(path) {
  while (true) { // ok: uncapped-retry
    try {
      return JSON.parse(await fs.readFile(path, "utf8"));
    } catch (err) {
      return {};
    }
  }
}

async function drainQueue(queue) {
  while (true) { // ok: uncapped-retry
    const job = queue.shift();
    if (!job) {
      return;
    }
    await pool.query("UPDATE jobs SET done = true WHERE id = $1", [job.id]);
  }
}

module.exports = {
  connectUntilUp,
  connectUntilUpCapped,
  runMigrations,
  waitForSchema,
  waitForSchemaCapped,
  pingUntilDeadline,
  readSettings,
  drainQueue,
};
