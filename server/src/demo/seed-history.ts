import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { insertMany } from '../db/insert-many.js';
import { indexForSearch } from '../modules/orders/search-index.js';
import type { WeeklySchedule } from '../modules/packers/packers.schema.js';
import { PackersService } from '../modules/packers/packers.service.js';
import { addDays, localDayOf } from '../shared/local-days.js';
import { HOUR_WEIGHT, instantInDay, ordersPerDay, ShiftCalendar } from './history/calendar.js';
import {
  Batch,
  type HistoryPacker,
  type HistoryWorld,
  writeOrderHistory,
} from './history/order-history.js';
import { Random } from './random.js';
import { FIRST_NAMES, LAST_NAMES } from './romanian-data.js';
import { generateOrder } from './seed-orders.js';

export interface HistoryOptions {
  accountId: number;
  /** Orders in all, spread over `days` local days ending today. */
  orders: number;
  days: number;
  now: number;
  seed: number;
  /** The stores the orders came from (round robin by weight); none: orders without a store. */
  storeIds: number[];
  packers: Array<{ id: number; shifts: WeeklySchedule; weight: number; group?: number }>;
  owner: { userId: number | null; label: string };
  numberPrefix?: string;
  /**
   * Leave out what no report reads — the addresses and the search index — to load a bench's
   * million orders faster. The demo keeps them (its orders list shows and searches them).
   */
  lean?: boolean;
  /** Orders written per transaction. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export type HistoryCounts = Record<
  | 'orders'
  | 'assignments'
  | 'audit_events'
  | 'shipments'
  | 'shipment_events'
  | 'scan_mismatches'
  | 'penalties'
  | 'cod_settlement_lines',
  number
>;

const DAY_MS = 86_400_000;

/** Tables whose ids the generator hands out itself (rows point at them within a batch). */
const OWN_IDS = [
  'orders',
  'order_items',
  'shipments',
  'scan_mismatches',
  'penalties',
  'cod_imports',
] as const;

/**
 * Writes a shop's history of `orders` orders, as the real write paths would have (see
 * history/order-history.ts), in large multi-row transactions: the dirty-slot triggers mark the
 * days as rows go in, `refreshRollups` then builds the rollups. Deterministic for a seed and a
 * `now`. Returns how many rows of each kind were written.
 */
export async function seedHistory(database: Database, o: HistoryOptions): Promise<HistoryCounts> {
  const db = database.db;
  const account = await db
    .selectFrom('accounts')
    .select(['timezone', 'currency'])
    .where('id', '=', o.accountId)
    .executeTakeFirstOrThrow();
  const tz = account.timezone;
  const today = localDayOf(o.now, tz);
  const firstDay = addDays(today, -(o.days - 1));
  // Shifts a few days past today: an order of today may wait for tomorrow's shift (it then
  // simply has not happened yet at `now`).
  const calendarEnd = addDays(today, 7);
  const users = await db
    .selectFrom('packers')
    .select(['id', 'user_id', 'name'])
    .where('account_id', '=', o.accountId)
    .execute();
  const packers: HistoryPacker[] = o.packers.map((p, i) => {
    const u = users.find((x) => x.id === p.id);
    if (!u) throw new Error(`packer ${p.id} is not in account ${o.accountId}`);
    return {
      id: p.id,
      userId: u.user_id,
      name: u.name,
      weight: p.weight,
      group: p.group ?? i,
      calendar: new ShiftCalendar(p.shifts, tz, addDays(firstDay, -1), calendarEnd),
    };
  });
  const types = await db
    .selectFrom('penalty_types')
    .select(['id', 'code', 'default_amount_minor'])
    .where('account_id', '=', o.accountId)
    .where('code', 'in', ['wrong_item', 'wrong_quantity'])
    .execute();
  const typeOf = (code: string) => {
    const t = types.find((x) => x.code === code);
    if (!t) throw new Error(`penalty type ${code} missing`);
    return { id: t.id, amount: t.default_amount_minor };
  };
  const next = async (table: (typeof OWN_IDS)[number]) => {
    const r = await sql<{ m: number | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(
      db,
    );
    return Number(r.rows[0]?.m ?? 0) + 1;
  };
  const world: HistoryWorld = {
    accountId: o.accountId,
    currency: account.currency,
    now: o.now,
    owner: o.owner,
    packers,
    types: { wrong_item: typeOf('wrong_item'), wrong_quantity: typeOf('wrong_quantity') },
    ids: {
      order: await next('orders'),
      item: await next('order_items'),
      shipment: await next('shipments'),
      mismatch: await next('scan_mismatches'),
      penalty: await next('penalties'),
      codImport: await next('cod_imports'),
    },
    codImports: new Map(),
  };

  const rnd = new Random(o.seed);
  const perDay = ordersPerDay(firstDay, today, o.orders);
  const prefix = o.numberPrefix ?? 'H';
  const counts: HistoryCounts = {
    orders: 0,
    assignments: 0,
    audit_events: 0,
    shipments: 0,
    shipment_events: 0,
    scan_mismatches: 0,
    penalties: 0,
    cod_settlement_lines: 0,
  };
  const size = o.batch ?? 10_000;
  let batch = new Batch();
  let done = 0;
  let pending = 0;
  const flush = async () => {
    if (pending === 0) return;
    await writeBatch(database, batch, counts, o.lean ?? false);
    done += pending;
    pending = 0;
    batch = new Batch();
    o.onProgress?.(done, o.orders);
  };
  const hourTotal = HOUR_WEIGHT.reduce((s, x) => s + x, 0);
  for (const [day, n] of perDay) {
    // The day's orders by the hour of day's rhythm, in time order (ids follow time).
    const minutes: number[] = [];
    for (let k = 0; k < n; k++) {
      let r = rnd.next() * hourTotal;
      let hour = 0;
      while (hour < 23 && r >= (HOUR_WEIGHT[hour] as number)) r -= HOUR_WEIGHT[hour++] as number;
      minutes.push(hour * 60 + rnd.int(0, 59) + rnd.next());
    }
    // Today only up to now: the day's share of orders came in the hours already past.
    const past = day === today ? (o.now - instantInDay(day, 0, tz)) / DAY_MS : 1;
    for (let k = 0; k < minutes.length; k++)
      minutes[k] = (minutes[k] as number) * Math.min(1, past);
    minutes.sort((a, b) => a - b);
    for (const minute of minutes) {
      const createdAt = Math.round(instantInDay(day, minute, tz));
      if (createdAt > o.now) continue;
      const n = done + pending;
      const g = generateOrder(rnd, o.accountId, `${prefix}${100_000 + n}`, createdAt, o.now, []);
      const storeId = o.storeIds.length ? (o.storeIds[n % o.storeIds.length] as number) : null;
      const order = {
        ...g.order,
        store_id: storeId,
        external_id: storeId === null ? null : String(100_000 + n),
        source: storeId === null ? 'manual' : 'woocommerce',
        store_status: 'processing',
        paid: g.order.is_cod ? 0 : 1,
        packer_id: null,
        assigned_at: null,
        confirmed_at: null,
      };
      writeOrderHistory(rnd, world, batch, order, g.items, g.addresses);
      if (++pending >= size) await flush();
    }
  }
  await flush();
  await finishCounters(database, o.accountId);
  // A bulk load is followed by fresh planner statistics (PostgreSQL's advice): autovacuum would
  // come to it later, and until then the rollups' queries are planned as if the tables were empty.
  if (database.dialect === 'postgres') await sql`ANALYZE`.execute(db);
  return counts;
}

async function writeBatch(
  database: Database,
  b: Batch,
  counts: HistoryCounts,
  lean: boolean,
): Promise<void> {
  const d = database.dialect;
  await database.db.transaction().execute(async (trx) => {
    await insertMany(trx, d, 'orders', b.orders);
    if (!lean)
      await indexForSearch(
        trx,
        b.orders.map((r) => r.id as number),
      );
    await insertMany(trx, d, 'order_items', b.items);
    if (!lean) await insertMany(trx, d, 'order_addresses', b.addresses);
    await insertMany(trx, d, 'assignments', b.assignments);
    await insertMany(trx, d, 'audit_events', b.audits);
    await insertMany(trx, d, 'shipments', b.shipments);
    await insertMany(trx, d, 'shipment_events', b.events);
    await insertMany(trx, d, 'scan_mismatches', b.mismatches);
    await insertMany(trx, d, 'penalties', b.penalties);
    await insertMany(trx, d, 'penalty_entries', b.entries);
    await insertMany(trx, d, 'cod_imports', b.imports);
    await insertMany(trx, d, 'cod_settlement_lines', b.lines);
  });
  counts.orders += b.orders.length;
  counts.assignments += b.assignments.length;
  counts.audit_events += b.audits.length;
  counts.shipments += b.shipments.length;
  counts.shipment_events += b.events.length;
  counts.scan_mismatches += b.mismatches.length;
  counts.penalties += b.penalties.length;
  counts.cod_settlement_lines += b.lines.length;
}

/** The import totals the COD page shows, and PostgreSQL's sequences past the ids given here. */
async function finishCounters(database: Database, accountId: number): Promise<void> {
  const db = database.db;
  await sql`UPDATE cod_imports SET lines_total = (SELECT count(*) FROM cod_settlement_lines l
      WHERE l.import_id = cod_imports.id), lines_new = (SELECT count(*) FROM cod_settlement_lines l
      WHERE l.import_id = cod_imports.id) WHERE account_id = ${accountId}`.execute(db);
  if (database.dialect !== 'postgres') return;
  for (const table of OWN_IDS)
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
      db,
    );
}

/** Three shift groups of weekday shifts, the way a warehouse staggers its people. */
export const SHIFT_GROUPS: readonly WeeklySchedule[] = [
  ['07:00', '15:00'],
  ['08:00', '16:00'],
  ['10:00', '18:00'],
].map(([start, end]) => {
  const day = [{ start: start as string, end: end as string }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
});

/** Creates `count` packers (real users with a PIN) spread over the three shift groups. */
export async function createHistoryPackers(
  db: Database['db'],
  accountId: number,
  actor: { userId: number; label: string },
  count: number,
  usernamePrefix = 'packer',
): Promise<HistoryOptions['packers']> {
  const service = new PackersService(db);
  const out: HistoryOptions['packers'] = [];
  for (let i = 0; i < count; i++) {
    const group = i % SHIFT_GROUPS.length;
    const shifts = SHIFT_GROUPS[group] as WeeklySchedule;
    const weight = 1 + (i % 3);
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`;
    const p = await service.create(
      accountId,
      {
        name,
        username: `${usernamePrefix}${i + 1}`,
        pin: String(100_000 + i * 1111).slice(0, 6),
        active: true,
        weight,
        max_open_orders: null,
        skills: [],
        allowed_store_ids: [],
        shifts,
      },
      actor,
    );
    out.push({ id: p.id, shifts, weight, group });
  }
  return out;
}
