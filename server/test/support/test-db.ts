import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/config.js';

/**
 * Every SQL test runs on both dialects: `TEST_DB=sqlite` (default) or `TEST_DB=postgres`.
 * Each test file gets a database of its own — a temporary SQLite file, or a PostgreSQL
 * database created on the server at TEST_PG_URL and dropped when the file's tests end.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' =
  process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  database: Config['database'];
  dataDir: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-test-'));
  if (TEST_DIALECT === 'sqlite') {
    return {
      database: { kind: 'sqlite', file: path.join(dataDir, 'test.sqlite') },
      dataDir,
      drop: () => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `ecomdir_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString() },
    dataDir,
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For tests against a real WordPress: it answers in seconds on a busy machine (a PHP worker's
 * first request compiles WordPress, a page of 500 orders takes a while), not in the fake
 * stores' 1.5 s; a timeout there was a CI failure.
 */
export function siteTestConfig(db: TestDatabase): Config {
  const config = testConfig(db);
  return { ...config, sync: { ...config.sync, requestTimeoutMs: 30_000 } };
}

export function testConfig(db: TestDatabase, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: db.dataDir,
    database: db.database,
    logLevel: 'silent',
    cookieSecure: false,
    trustProxy: false,
    sessionDays: 1,
    // On, as in production: every list test after a write also checks that nothing stale is served.
    listCacheEntries: 256,
    webDist: null,
    loginRateLimit: { max: 1000, windowMs: 60_000 },
    masterKey: null,
    // Test stores are local (127.0.0.1): allowed here, refused by default in production.
    storeFetch: { allowPrivate: true, maxBytes: 16 * 1024 * 1024 },
    sync: { firstSyncDays: 30, pollSeconds: 60, requestTimeoutMs: 1500, pauseAfterRejections: 3 },
    // Couriers are reached only through recorded answers served locally (courier-fixtures.ts).
    couriers: { baseUrls: {}, timeoutMs: 2000 },
    // Tests run jobs explicitly (app.worker.runUntilIdle()) so they stay deterministic.
    jobs: { inProcessWorker: false, leaseMs: 300_000, pollMs: 20, heartbeatMs: 200, deadMs: 1000 },
    ...overrides,
  };
}
