const { pool } = require("../db");

async function byEmail(email) {
  const { rows } = await pool.query("SELECT * FROM customers WHERE email = $1", [email]); // ok: missing-index
  return rows[0];
}

async function byEmailIgnoringCase(email) {
  const { rows } = await pool.query("SELECT * FROM customers WHERE lower(email) = lower($1)", [email]); // ok: missing-index
  return rows[0];
}

async function byName(name) {
  const { rows } = await pool.query("SELECT id FROM customers WHERE full_name = $1", [name]); // expect: missing-index
  return rows;
}

async function searchByEmailDomain(domain) {
  const { rows } = await pool.query("SELECT id FROM customers WHERE email LIKE '%@' || $1", [domain]); // expect: missing-index
  return rows;
}

async function emailsStartingWith(prefix) {
  const { rows } = await pool.query("SELECT id FROM customers WHERE email LIKE 'support%'"); // ok: missing-index
  return rows;
}

async function inCountry(country, limit) {
  const { rows } = await pool.query( // expect: missing-index
    "SELECT id FROM customers WHERE country = $1 ORDER BY created_at DESC LIMIT $2",
    [country, limit]
  );
  return rows;
}

async function withOrdersOver(cents) {
  const { rows } = await pool.query( // ok: missing-index
    `SELECT c.id, c.email
       FROM customers c
       JOIN orders o ON o.id = $1 AND o.customer_id = c.id`,
    [cents]
  );
  return rows;
}

async function customersOfStatus(status) {
  const { rows } = await pool.query( // ok: missing-index
    `SELECT DISTINCT c.email
       FROM orders o
       JOIN customers c ON c.id = o.customer_id
      WHERE o.status = $1`,
    [status]
  );
  return rows;
}

async function sessions(token) {
  // sessions lives in the auth service's database, not in this repository's schema.
  const { rows } = await pool.query("SELECT user_id FROM sessions WHERE token = $1", [token]); // ok: missing-index
  return rows[0];
}

module.exports = {
  byEmail,
  byEmailIgnoringCase,
  byName,
  searchByEmailDomain,
  emailsStartingWith,
  inCountry,
  withOrdersOver,
  customersOfStatus,
  sessions,
};
