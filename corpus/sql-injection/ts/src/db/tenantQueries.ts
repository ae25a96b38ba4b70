import type { Pool, QueryResultRow } from 'pg';
import { pool } from './pool';

export interface Project {
  id: number;
  tenant_id: number;
  name: string;
  archived: boolean;
}

const PROJECTS = 'projects';
const PROJECT_COLUMNS = 'id, tenant_id, name, archived';

// Scopes a statement to a tenant.
const forTenant = (sql: string, tenantId: string): string => `${sql} AND tenant_id = ${tenantId}`;

// Runs a statement as given and returns its rows.
async function rowsOf<T extends QueryResultRow>(db: Pool, sql: string, values: unknown[]): Promise<T[]> {
  const result = await db.query<T>(sql, values); // ok: sql-injection
  return result.rows;
}

export async function listProjects(tenantId: string): Promise<Project[]> {
  const sql = forTenant(`SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} WHERE archived = false`, tenantId);
  const { rows } = await pool.query<Project>(sql); // expect: sql-injection
  return rows;
}

export async function listDemoProjects(): Promise<Project[]> {
  const sql = forTenant(`SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} WHERE archived = false`, '1');
  const { rows } = await pool.query<Project>(sql); // ok: sql-injection
  return rows;
}

export async function projectById(tenantId: number, id: number): Promise<Project | undefined> {
  return rowsOf<Project>(pool, `SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]) // ok: sql-injection
    .then((rows) => rows[0]);
}

export async function projectsNamed(tenantId: number, name: string): Promise<Project[]> {
  return rowsOf<Project>( // expect: sql-injection
    pool,
    `SELECT ${PROJECT_COLUMNS}
       FROM ${PROJECTS}
      WHERE tenant_id = $1
        AND name ILIKE '${name}%'`,
    [tenantId],
  );
}

export async function archiveProjects(tenantId: number, ids: number[], hard: boolean): Promise<void> {
  let statement = `UPDATE ${PROJECTS} SET archived = true WHERE tenant_id = $1 AND id = ANY($2)`;
  if (hard) {
    statement = `DELETE FROM ${PROJECTS} WHERE tenant_id = $1 AND id = ANY($2)`;
  }
  await pool.query(statement, [tenantId, ids]); // ok: sql-injection
}

export async function renameProject(tenantId: number, id: number, name: string): Promise<void> {
  let statement = `UPDATE ${PROJECTS} SET name = '${name}' WHERE tenant_id = ${tenantId} AND id = ${id}`;
  // Names may contain quotes: bind them instead.
  statement = `UPDATE ${PROJECTS} SET name = $3 WHERE tenant_id = $1 AND id = $2`;
  await pool.query(statement, [tenantId, id, name]); // ok: sql-injection
}

export async function projectCount(tenantId: number, includeArchived: boolean): Promise<number> {
  let filter = 'archived = false';
  if (includeArchived) {
    filter = 'true';
  }
  const { rows } = await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${PROJECTS} WHERE ${filter} AND tenant_id = $1`, [tenantId]); // ok: sql-injection
  return Number(rows[0].n);
}

export async function projectsSince(tenantId: number, since: string | undefined): Promise<Project[]> {
  let sql = `SELECT ${PROJECT_COLUMNS} FROM ${PROJECTS} WHERE tenant_id = $1`;
  if (since !== undefined) {
    sql = `${sql} AND created_at >= '${since}'`;
  }
  return rowsOf<Project>(pool, sql, [tenantId]); // expect: sql-injection
}
