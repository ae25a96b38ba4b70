'use strict';

const mysql = require('mysql2/promise');

const PLANS = ['free', 'team', 'enterprise'];
const ORDERINGS = {
  name: 'display_name ASC',
  signup: 'created_at DESC',
  seats: 'seat_count DESC',
};

class AccountRepository {
  constructor(pool, table) {
    this.pool = pool;
    this.table = table;
  }

  // Executes the statement it is given.
  async fetchRows(sql, params) {
    const [rows] = await this.pool.query(sql, params); // ok: sql-injection
    return rows;
  }

  // The WHERE fragment for one plan.
  planFilter(plan) {
    return `plan = '${plan}'`;
  }

  byId(id) {
    return this.fetchRows('SELECT id, display_name, plan FROM accounts WHERE id = ?', [id]); // ok: sql-injection
  }

  byDomain(domain) {
    return this.fetchRows(`SELECT id, display_name FROM accounts WHERE email LIKE '%@${domain}'`); // expect: sql-injection
  }

  async countOnPlan(plan) {
    const [rows] = await this.pool.query(`SELECT COUNT(*) AS n FROM accounts WHERE ${this.planFilter(plan)}`); // expect: sql-injection
    return rows[0].n;
  }

  async countFree() {
    const [rows] = await this.pool.query(`SELECT COUNT(*) AS n FROM accounts WHERE ${this.planFilter('free')}`); // ok: sql-injection
    return rows[0].n;
  }

  async changePlan(id, plan) {
    if (!PLANS.includes(plan)) throw new Error(`unknown plan ${plan}`);
    await this.pool.execute(`UPDATE accounts SET plan = '${plan}' WHERE id = ?`, [id]); // ok: sql-injection
  }

  async list(orderKey, page) {
    const offset = (Number(page) - 1) * 25;
    return this.fetchRows( // ok: sql-injection
      `SELECT id, display_name, plan, seat_count
         FROM accounts
        ORDER BY ${ORDERINGS[orderKey]}
        LIMIT 25 OFFSET ${offset}`,
    );
  }

  async search(term, orderBy) {
    return this.fetchRows( // expect: sql-injection
      `SELECT id, display_name
         FROM accounts
        WHERE display_name LIKE ?
        ORDER BY ${orderBy}`,
      [`%${term}%`],
    );
  }

  async deactivate(id) {
    await this.pool.query(`UPDATE ${this.table} SET active = 0 WHERE id = ?`, [id]); // expect: sql-injection
  }
}

function createAccountRepository(config) {
  const pool = mysql.createPool(config);
  return new AccountRepository(pool, 'accounts');
}

module.exports = { AccountRepository, createAccountRepository };
