import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createHistoryPackers, type HistoryCounts, seedHistory } from '../src/demo/seed-history.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';

/** What a bench database holds; written next to it once it is complete. */
export interface BenchMeta {
  orders: number;
  seed: number;
  now: number;
  accountId: number;
  timeZone: string;
  currency: string;
  seedMs: number;
  rows: HistoryCounts;
}

const DATA_DIR = path.resolve(import.meta.dirname, '.data');
/** Bumped when the generator changes what it writes: an older file is made again. */
const GENERATOR_VERSION = 2;

export function benchFile(orders: number, seed: number): string {
  return path.join(DATA_DIR, `reports-${orders}-s${seed}-v${GENERATOR_VERSION}.sqlite`);
}

export function openBench(file: string): Database {
  return openDatabase({ kind: 'sqlite', file });
}

function line(text: string): void {
  if (process.stdout.isTTY) process.stdout.write(`\r${text}`);
  else process.stdout.write(`${text}\n`);
}

/**
 * The bench database of `orders` orders and `seed`: reused when a complete one exists (its
 * meta file is written last), else made: one account, 2 stores, 20 packers on weekday shifts,
 * 400 days of history (the bench builds the rollups itself, every run).
 */
export async function benchDatabase(
  orders: number,
  seed: number,
): Promise<{ file: string; meta: BenchMeta; reused: boolean }> {
  const file = benchFile(orders, seed);
  const metaFile = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    // Migrations added since it was made run on it (new report indexes and triggers).
    const reused = openBench(file);
    await migrateToLatest(reused.db);
    await reused.destroy();
    return { file, meta: JSON.parse(fs.readFileSync(metaFile, 'utf8')) as BenchMeta, reused: true };
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`, metaFile]) fs.rmSync(f, { force: true });
  const database = openBench(file);
  // A bulk load: a large page cache, and no waiting for the disk (a crash means making it again).
  database.sqlite?.pragma('cache_size = -524288');
  database.sqlite?.pragma('synchronous = OFF');
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    const accounts = new AccountsService(db, {
      sessionDays: 1,
      loginRateLimit: { max: 100, windowMs: 60_000 },
    });
    const { accountId, userId } = await accounts.createAccountWithOwner({
      accountName: 'Bench Reports',
      name: 'Proprietar Bench',
      email: 'bench-reports@ecomdir.ro',
      password: 'bench-password',
      onlyIfFirst: false,
    });
    const owner = { userId, label: 'Proprietar Bench' };
    // A whole minute: the same seed then gives the same history when made again that minute.
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const storeIds: number[] = [];
    for (const [name, url] of [
      ['Magazin Casa', 'https://casa.example.ro'],
      ['Magazin Beauty', 'https://beauty.example.ro'],
    ] as const) {
      const s = await db
        .insertInto('stores')
        .values({
          account_id: accountId,
          name,
          platform: 'woocommerce',
          url,
          url_key: url,
          status: 'connected',
          created_at: now,
          updated_at: now,
          cursor_modified_at: null,
          cursor_id: null,
          sync_from: null,
          first_synced_at: null,
          sync_started_at: null,
          last_sync_at: null,
          last_error_code: null,
          last_error: null,
          error_since: null,
          first_sync_days: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      storeIds.push(s.id);
    }
    const packers = await createHistoryPackers(db, accountId, owner, 20);
    const t0 = performance.now();
    const indexes = dropIndexes(database);
    const cpu0 = process.cpuUsage();
    const rows = await seedHistory(database, {
      accountId,
      orders,
      days: 400,
      now,
      seed,
      storeIds,
      packers,
      owner,
      batch: 2_000,
      lean: true,
      onProgress: (done, total) => {
        // A pipe or CI: a line per 50,000 orders; a terminal: one line rewritten.
        if (!process.stdout.isTTY && done % 50_000 !== 0 && done !== total) return;
        const s = (performance.now() - t0) / 1000;
        line(
          `seeding ${done}/${total} orders, ${s.toFixed(0)} s, ${Math.round(done / s)} orders/s`,
        );
      },
    });
    const t2 = performance.now();
    if (process.stdout.isTTY) process.stdout.write('\n');
    for (const create of indexes) database.sqlite?.exec(create);
    console.log(`indexes made again in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    const seedMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `seeded in ${(seedMs / 1000).toFixed(1)} s (this process's CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s): ${JSON.stringify(rows)}`,
    );
    await sql`ANALYZE`.execute(db);
    const account = await db
      .selectFrom('accounts')
      .select(['timezone', 'currency'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const meta: BenchMeta = {
      orders,
      seed,
      now,
      accountId,
      timeZone: account.timezone,
      currency: account.currency,
      seedMs,
      rows,
    };
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    return { file, meta, reused: false };
  } finally {
    await database.destroy();
  }
}

/** The history's tables: their secondary indexes are made after the load (a sort each, not a
 * million random B-tree inserts). `assignments_order` stays: the shipments' trigger reads it. */
const LOADED = [
  'orders',
  'order_items',
  'assignments',
  'audit_events',
  'shipments',
  'shipment_events',
  'cod_settlement_lines',
  'penalties',
  'penalty_entries',
  'scan_mismatches',
];

function dropIndexes(database: Database): string[] {
  const sqlite = database.sqlite;
  if (!sqlite) return [];
  const rows = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND name <> 'assignments_order' AND tbl_name IN (${LOADED.map(() => '?').join(', ')})`,
    )
    .all(...LOADED) as Array<{ name: string; sql: string }>;
  for (const r of rows) sqlite.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}
