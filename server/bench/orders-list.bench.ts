/**
 * `npm run bench`: seeds 200,000 orders into a fresh SQLite database (or DATABASE_URL's
 * PostgreSQL), starts the real server, and loads four orders-list pages and /api/health
 * with autocannon in the same run. Targets on SQLite: p99 < 15 ms for the list pages,
 * list throughput ≥ 25% of health throughput, server RSS < 300 MB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedOrders } from '../src/demo/seed-orders.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import { PackersService } from '../src/modules/packers/packers.service.js';
import { encodeCursor } from '../src/modules/orders/cursor.js';
import { load, type LoadResult, rssOf, startServer } from './support.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const EMAIL = 'bench@ecomdir.ro';
const PASSWORD = 'bench-password';

async function seed(dataDir: string, databaseUrl: string | undefined): Promise<void> {
  const database = openDatabase(
    databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', file: path.join(dataDir, 'ecomdir.sqlite') },
  );
  await migrateToLatest(database.db);
  const accounts = new AccountsService(database.db, {
    sessionDays: 1,
    loginRateLimit: { max: 100, windowMs: 60_000 },
  });
  const { accountId, userId } = await accounts.createAccountWithOwner({
    accountName: 'Bench',
    name: 'Bench',
    email: EMAIL,
    password: PASSWORD,
    onlyIfFirst: false,
  });
  const packers = new PackersService(database.db);
  const packerIds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const p = await packers.create(
      accountId,
      {
        name: `Packer ${i}`,
        username: `bench${i}`,
        pin: '1234',
        active: true,
        weight: 1,
        max_open_orders: null,
        skills: [],
        allowed_store_ids: [],
        shifts: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      },
      { userId, label: 'bench' },
    );
    packerIds.push(p.id);
  }
  const t0 = performance.now();
  await seedOrders(database.db, {
    accountId,
    count: ORDERS,
    days: 365,
    packerIds,
    onProgress: (done, total) => {
      if (done % 20_000 === 0 || done === total) process.stdout.write(`\rseeding ${done}/${total}`);
    },
  });
  console.log(`\nseeded ${ORDERS} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (database.dialect === 'sqlite') await sql`ANALYZE`.execute(database.db);
  else await sql`ANALYZE`.execute(database.db);
  await database.destroy();
}

async function deepCursor(dataDir: string, databaseUrl: string | undefined): Promise<string> {
  const database = openDatabase(
    databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', file: path.join(dataDir, 'ecomdir.sqlite') },
  );
  const row = await database.db
    .selectFrom('orders')
    .select(['id', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(Math.floor(ORDERS / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  await database.destroy();
  return encodeCursor({ sort: '-created_at', value: row.created_at, id: row.id });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-bench-'));
  const databaseUrl = process.env.DATABASE_URL;
  console.log(
    `database: ${databaseUrl ? 'postgres' : 'sqlite'}; ${ORDERS} orders; ${SECONDS} s per scenario; ${process.env.BENCH_CONNECTIONS ?? 4} connections; ${os.cpus().length} cores`,
  );
  await seed(dataDir, databaseUrl);
  const cursor = await deepCursor(dataDir, databaseUrl);
  const { child, base } = await startServer({
    DATA_DIR: dataDir,
    WEB_DIST: path.join(dataDir, 'no-web'),
  });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers = { cookie };
    const scenarios: [string, string][] = [
      ['health', '/api/health'],
      ['first', '/api/orders?limit=50'],
      ['filtered', '/api/orders?limit=50&status=delivered&cod=true'],
      ['deep', `/api/orders?limit=50&cursor=${cursor}`],
      ['search', '/api/orders?limit=50&q=mures'],
    ];
    for (const [, url] of scenarios) {
      const res = await fetch(base + url, { headers });
      if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
      await load('warmup', base + url, headers, 1);
    }
    const results: LoadResult[] = [];
    for (const [name, url] of scenarios)
      results.push(await load(name, base + url, headers, SECONDS));
    const mem = rssOf(child.pid ?? 0);
    console.log('\nscenario   p50 ms  p99 ms   req/s   errors');
    for (const r of results)
      console.log(
        `${r.name.padEnd(10)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(7)} ${r.rps.toFixed(0).padStart(7)}   ${r.errors + r.non2xx}`,
      );
    const by = (n: string) => results.find((r) => r.name === n) as LoadResult;
    const lists = results.filter((r) => r.name !== 'health');
    const ratio = Math.min(...lists.map((r) => r.rps)) / by('health').rps;
    console.log(`\nlist/health throughput (slowest list page): ${(ratio * 100).toFixed(1)}%`);
    console.log(`server RSS: ${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)`);
    if (results.some((r) => r.errors + r.non2xx > 0)) throw new Error('some requests failed');
    console.log(
      JSON.stringify({
        database: databaseUrl ? 'postgres' : 'sqlite',
        orders: ORDERS,
        p99_ms_first: by('first').p99,
        p99_ms_filtered: by('filtered').p99,
        p99_ms_deep: by('deep').p99,
        p99_ms_search: by('search').p99,
        rps_health: Math.round(by('health').rps),
        rps_first: Math.round(by('first').rps),
        list_to_health_ratio: Number(ratio.toFixed(3)),
        rss_mb: Math.round(mem.rss),
        rss_peak_mb: Math.round(mem.peak),
      }),
    );
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
