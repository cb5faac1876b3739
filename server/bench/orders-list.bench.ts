/**
 * `npm run bench`: seeds 200,000 orders into a fresh SQLite database (or DATABASE_URL's
 * PostgreSQL), starts the real server, and loads four orders-list pages and /api/health
 * with autocannon in the same run, twice: as shipped (a page asked again before any write
 * is answered from memory), then with every page computed from the database. Targets on
 * SQLite: p99 < 15 ms for the list pages, list throughput ≥ 25% of health throughput,
 * server RSS < 300 MB.
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
        pin: '123412',
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

const SCENARIOS = (cursor: string): [string, string][] => [
  ['health', '/api/health'],
  ['first', '/api/orders?limit=50'],
  ['filtered', '/api/orders?limit=50&status=delivered&cod=true'],
  ['deep', `/api/orders?limit=50&cursor=${cursor}`],
  ['search', '/api/orders?limit=50&q=mures'],
];

interface Pass {
  results: LoadResult[];
  ratio: number;
  rss: { rss: number; peak: number };
  p99(name: string): number;
}

/** One server process, every scenario in turn; `env` adds to its configuration. */
async function measure(
  label: string,
  dataDir: string,
  cursor: string,
  env: Record<string, string>,
): Promise<Pass> {
  const { child, base } = await startServer({
    DATA_DIR: dataDir,
    WEB_DIST: path.join(dataDir, 'no-web'),
    ...env,
  });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers = { cookie };
    const scenarios = SCENARIOS(cursor);
    for (const [, url] of scenarios) {
      const res = await fetch(base + url, { headers });
      if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
      await load('warmup', base + url, headers, 1);
    }
    const results: LoadResult[] = [];
    for (const [name, url] of scenarios)
      results.push(await load(name, base + url, headers, SECONDS));
    const rss = rssOf(child.pid ?? 0);
    console.log(`\n${label}\nscenario   p50 ms  p99 ms   req/s   errors`);
    for (const r of results)
      console.log(
        `${r.name.padEnd(10)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(7)} ${r.rps.toFixed(0).padStart(7)}   ${r.errors + r.non2xx}`,
      );
    if (results.some((r) => r.errors + r.non2xx > 0)) throw new Error('some requests failed');
    const by = (n: string) => results.find((r) => r.name === n) as LoadResult;
    const lists = results.filter((r) => r.name !== 'health');
    const ratio = Math.min(...lists.map((r) => r.rps)) / by('health').rps;
    console.log(`list/health throughput (slowest list page): ${(ratio * 100).toFixed(1)}%`);
    console.log(`server RSS: ${rss.rss.toFixed(0)} MB (peak ${rss.peak.toFixed(0)} MB)`);
    return { results, ratio, rss, p99: (n) => by(n).p99 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-bench-'));
  const databaseUrl = process.env.DATABASE_URL;
  console.log(
    `database: ${databaseUrl ? 'postgres' : 'sqlite'}; ${ORDERS} orders; ${SECONDS} s per scenario; ${process.env.BENCH_CONNECTIONS ?? 4} connections; ${os.cpus().length} cores`,
  );
  try {
    await seed(dataDir, databaseUrl);
    const cursor = await deepCursor(dataDir, databaseUrl);
    // As shipped: a page asked again before any write is answered from memory (SQLite).
    const shipped = await measure(
      'as shipped (list pages kept until the next write)',
      dataDir,
      cursor,
      {},
    );
    // Every request computed from the database: what a page costs after each write.
    const computed = await measure('every page computed (LIST_CACHE_ENTRIES=0)', dataDir, cursor, {
      LIST_CACHE_ENTRIES: '0',
    });
    const figures = (p: Pass) => ({
      p99_ms_first: p.p99('first'),
      p99_ms_filtered: p.p99('filtered'),
      p99_ms_deep: p.p99('deep'),
      p99_ms_search: p.p99('search'),
      rps_health: Math.round(p.results.find((r) => r.name === 'health')?.rps ?? 0),
      rps_first: Math.round(p.results.find((r) => r.name === 'first')?.rps ?? 0),
      list_to_health_ratio: Number(p.ratio.toFixed(3)),
    });
    console.log(
      JSON.stringify({
        database: databaseUrl ? 'postgres' : 'sqlite',
        orders: ORDERS,
        ...figures(shipped),
        rss_mb: Math.round(shipped.rss.rss),
        rss_peak_mb: Math.round(shipped.rss.peak),
        computed: figures(computed),
      }),
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
