import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { buildApp } from '../src/http/app.js';
import { insertMany } from '../src/db/insert-many.js';
import { claimNext } from '../src/jobs/claim.js';
import { JOB_PRIORITY } from '../src/jobs/job-kinds.js';
import { insertStore } from '../test/support/distribution.js';
import { ownerClient } from '../test/support/test-app.js';
import { TEST_DIALECT, createTestDatabase, testConfig } from '../test/support/test-db.js';

/**
 * npm run bench:job-claim — the cost of one fair claim (jobs/claim.ts) with JOBS (default
 * 20,000) bulk write-backs queued in one store and STORES (default 50) stores in all, each of
 * the others with a few jobs. Claims CLAIMS jobs one after another and reports the median and
 * 95th percentile in milliseconds. Last line: one JSON object. TEST_DB=postgres for PostgreSQL.
 * BASELINE=1 times the former unfair claim (oldest due job first, one statement) instead.
 */
const BASELINE = process.env.BASELINE === '1';

/** The claim before fair scheduling (PostgreSQL form; SQLite ran the same in a transaction). */
async function oldestFirst(db: Kysely<DB>, now: number): Promise<unknown> {
  const r = await sql`
    UPDATE jobs SET state = 'running', locked_by = 'bench', locked_at = ${now},
           attempts = attempts + 1, updated_at = ${now}
    WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= ${now}
                ORDER BY run_at, id LIMIT 1 ${sql.raw(TEST_DIALECT === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '')})
    RETURNING id`.execute(db);
  return r.rows[0];
}
const JOBS = Number(process.env.JOBS ?? 20_000);
const STORES = Number(process.env.STORES ?? 50);
const CLAIMS = Number(process.env.CLAIMS ?? 500);

async function main(): Promise<void> {
  const tdb = await createTestDatabase();
  const app = await buildApp(testConfig(tdb));
  try {
    const owner = await ownerClient(app);
    const db = app.database.db;
    const stores: number[] = [];
    for (let i = 0; i < STORES; i++) stores.push(await insertStore(app, owner.accountId, `S${i}`));
    const now = Date.now();
    const job = (storeId: number, i: number) => ({
      account_id: owner.accountId,
      kind: 'store.push_assignment',
      payload: JSON.stringify({ order_id: i + 1 }),
      state: 'queued' as const,
      attempts: 0,
      max_attempts: 10,
      run_at: now - 60_000 + i,
      store_id: storeId,
      priority: JOB_PRIORITY.bulk,
      created_at: now,
      updated_at: now,
    });
    const first = stores[0] ?? 0;
    await insertMany(
      db,
      app.database.dialect,
      'jobs',
      Array.from({ length: JOBS }, (_, i) => job(first, i)),
    );
    await insertMany(
      db,
      app.database.dialect,
      'jobs',
      stores.slice(1).flatMap((s) => [0, 1, 2].map((i) => job(s, i))),
    );
    if (TEST_DIALECT === 'postgres') await sql`ANALYZE jobs`.execute(db);
    const times: number[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const t = process.hrtime.bigint();
      const claimed = BASELINE
        ? await oldestFirst(db, Date.now())
        : await claimNext(db, app.database.dialect, 'bench', Date.now());
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!claimed) throw new Error('queue ran dry');
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 100) / 100;
    console.log(
      JSON.stringify({
        dialect: TEST_DIALECT,
        claim: BASELINE ? 'oldest-first (before)' : 'fair',
        queued: JOBS + (STORES - 1) * 3,
        stores: STORES,
        claims: CLAIMS,
        median_ms: at(0.5),
        p95_ms: at(0.95),
      }),
    );
  } finally {
    await app.close();
    await tdb.drop();
  }
}

await main();
