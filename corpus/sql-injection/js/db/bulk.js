// Bulk lookups: IN lists built from placeholders, not from values.
const { pool } = require('./pool');

async function usersByIds(ids) {
  const placeholders = ids.map(() => '?').join(', ');
  const [rows] = await pool.query(`SELECT id, email FROM users WHERE id IN (${placeholders})`, ids); // ok: sql-injection
  return rows;
}

async function usersByPgIds(ids) {
  const params = ids.map((_, i) => `$${i + 1}`).join(', ');
  const { rows } = await pool.query('SELECT id FROM users WHERE id IN (' + params + ')', ids); // todo-ok: sql-injection
  return rows;
}

async function usersByEmails(emails) {
  const list = emails.map((e) => `'${e}'`).join(', ');
  const [rows] = await pool.query(`SELECT id FROM users WHERE email IN (${list})`); // expect: sql-injection
  return rows;
}

module.exports = { usersByIds, usersByPgIds, usersByEmails };

// knex dialect code quotes identifiers with its formatter.
async function rowCount(runner, formatter, table) {
  return runner.query(`SELECT COUNT(*) FROM ${formatter.wrap(table)}`); // ok: sql-injection
}

async function rowCountRaw(runner, table) {
  return runner.query(`SELECT COUNT(*) FROM ${table}`); // expect: sql-injection
}

module.exports.rowCount = rowCount;
module.exports.rowCountRaw = rowCountRaw;
