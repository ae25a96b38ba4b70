'use strict';

// Background worker that maintains the local audit log (better-sqlite3).
const Database = require('better-sqlite3');
const { Worker } = require('bullmq');
const log = require('../lib/log');

const db = new Database(process.env.AUDIT_DB_PATH);

const EVENTS_TABLE = 'audit_events';
const EVENT_COLUMNS = 'id, actor, action, target, created_at';
const SELECT_EVENTS = 'SELECT ' + EVENT_COLUMNS + ' FROM ' + EVENTS_TABLE;

db.exec(`CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (id INTEGER PRIMARY KEY, actor TEXT, action TEXT, target TEXT, created_at TEXT)`); // ok: sql-injection

// Runs a statement and returns its rows: the text is executed as given.
function selectAll(sql, params) {
  return db.prepare(sql).all(params); // ok: sql-injection
}

// One page of a listing statement.
function paged(sql, page, pageSize) {
  return `${sql} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
}

function recentEvents(page) {
  return selectAll(paged(`${SELECT_EVENTS} ORDER BY created_at DESC`, page, 50), []); // ok: sql-injection
}

function eventsFor(actor) {
  const table = EVENTS_TABLE;
  const columns = EVENT_COLUMNS;
  const stmt = `SELECT ${columns} FROM ${table} WHERE actor = ?`;
  return db.prepare(stmt).all(actor); // ok: sql-injection
}

function activityReport(actor, since) {
  const sql = `
    SELECT action, COUNT(*) AS n
      FROM ${EVENTS_TABLE}
     WHERE actor = '${actor}'
       AND created_at >= ?
  GROUP BY action`;
  return selectAll(sql, [since]); // expect: sql-injection
}

function purgeExpired(days) {
  let sql = `DELETE FROM ${EVENTS_TABLE} WHERE created_at < datetime('now', '-${days} days')`;
  // The retention period is fixed by policy now; the job's `days` is ignored.
  sql = `DELETE FROM ${EVENTS_TABLE} WHERE created_at < datetime('now', '-90 days')`;
  return db.prepare(sql).run().changes; // ok: sql-injection
}

function archiveTarget(target) {
  db.exec(`INSERT INTO audit_archive SELECT * FROM ${EVENTS_TABLE} WHERE target = '${target}'`); // expect: sql-injection
  return db.prepare(`DELETE FROM ${EVENTS_TABLE} WHERE target = ?`).run(target); // ok: sql-injection
}

const worker = new Worker('audit', async (job) => {
  const { actor, page, pageSize, since, target } = job.data;
  switch (job.name) {
    case 'recent':
      return recentEvents(page);
    case 'page':
      return selectAll(paged(`${SELECT_EVENTS} WHERE actor = '${actor}'`, page, pageSize), []); // expect: sql-injection
    case 'report':
      return activityReport(actor, since);
    case 'actor':
      return eventsFor(actor);
    case 'purge':
      return purgeExpired(job.data.days);
    case 'archive':
      return archiveTarget(target);
    case 'count':
      return selectAll(`SELECT COUNT(*) AS n FROM ${EVENTS_TABLE} WHERE action = ?`, [job.data.action]); // ok: sql-injection
    default:
      log.warn(`unknown audit job ${job.name} for ${actor}`); // ok: sql-injection
      return null;
  }
}, { connection: { host: process.env.REDIS_HOST } });

module.exports = { worker, recentEvents, eventsFor, activityReport, purgeExpired, archiveTarget };
