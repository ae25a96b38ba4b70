// Deploy-time operations: wait for MySQL, rebuild assets, read a lock file.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import mysql from "mysql2/promise";

const MAX_TRIES = 8;
const TIMEOUT_NS = 60_000_000_000n;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForMysql(connection: mysql.Connection): Promise<void> {
  let up = false;
  while (!up) { // expect: uncapped-retry
    try {
      await connection.execute("SELECT 1");
      up = true;
    } catch {
      await delay(2000);
    }
  }
}

export async function waitForMysqlCapped(connection: mysql.Connection): Promise<void> {
  let up = false;
  let remaining = MAX_TRIES;
  while (!up) { // ok: uncapped-retry
    try {
      await connection.execute("SELECT 1");
      up = true;
    } catch (err) {
      remaining -= 1;
      if (remaining === 0) {
        throw err;
      }
      await delay(2000);
    }
  }
}

export async function waitForMysqlDeadline(connection: mysql.Connection): Promise<void> {
  const started = process.hrtime.bigint();
  while (true) { // ok: uncapped-retry
    try {
      await connection.execute("SELECT 1");
      return;
    } catch (err) {
      if (process.hrtime.bigint() - started > TIMEOUT_NS) {
        throw err;
      }
      await delay(1000);
    }
  }
}

export function rebuildAssets(): void {
  while (true) { // expect: uncapped-retry
    try {
      const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
      if (result.status === 0) {
        break;
      }
    } catch (err) {
      console.error("build crashed", err);
    }
  }
}

export async function rebuildAssetsCapped(): Promise<void> {
  let attempts = 0;
  while (true) { // ok: uncapped-retry
    try {
      const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
      if (result.status === 0) {
        return;
      }
    } catch (err) {
      console.error("build crashed", err);
    }
    attempts = attempts + 1;
    if (attempts >= MAX_TRIES) {
      throw new Error("build keeps failing");
    }
    await delay(5000);
  }
}

export function readLock(path: string): string | null {
  while (true) { // ok: uncapped-retry
    try {
      return readFileSync(path, "utf8");
    } catch {
      return null;
    }
  }
}
