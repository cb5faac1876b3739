import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { insertMany } from '../src/db/insert-many.js';
import type { DB, OrderStatus } from '../src/db/schema.js';
import { Random } from '../src/demo/random.js';
import { generateOrder } from '../src/demo/seed-orders.js';
import { indexForSearch } from '../src/modules/orders/search-index.js';
import { refreshRollups, SLOT_MS } from '../src/modules/reports/rollup/rebuild.js';
import { addDays, localDayOf, localMidnight } from '../src/shared/local-days.js';
import { reason, reasonColumns } from '../src/shared/reasons.js';

const MIN = 60_000;

export interface BusyDay {
  orders: number;
  events: number;
  firstOrderId: number;
  firstAuditId: number;
  firstAssignmentId: number;
  slots: number[];
  /** Marks today's busy slots dirty again (the next report pays the refresh again). */
  touch(): Promise<void>;
}

async function maxId(db: Kysely<DB>, table: 'orders' | 'audit_events' | 'assignments') {
  const r = await sql<{ m: number | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(
    db,
  );
  return Number(r.rows[0]?.m ?? 0) + 1;
}

/**
 * A busy morning today: 1,000 orders come in, each is assigned, 70% confirmed, 50% packed —
 * ≈3,200 events (orders, assignments, their audit rows) in today's slots, as the real writes
 * leave them, so the next report rebuilds today.
 */
export async function insertBusyDay(
  database: Database,
  accountId: number,
  timeZone: string,
  now: number,
): Promise<BusyDay> {
  const db = database.db;
  const rnd = new Random(2026);
  const start = localMidnight(localDayOf(now, timeZone), timeZone);
  const packers = await db
    .selectFrom('packers')
    .select(['id', 'name', 'user_id'])
    .where('account_id', '=', accountId)
    .execute();
  const firstOrderId = await maxId(db, 'orders');
  const firstAuditId = await maxId(db, 'audit_events');
  const firstAssignmentId = await maxId(db, 'assignments');
  const orders: Array<Insertable<DB['orders']> & { id: number }> = [];
  const items: Insertable<DB['order_items']>[] = [];
  const assignments: Insertable<DB['assignments']>[] = [];
  const audits: Array<Insertable<DB['audit_events']> & { created_at: number }> = [];
  const row = (
    id: number,
    action: string,
    label: string,
    from: string | null,
    to: string,
    at: number,
  ) => ({
    account_id: accountId,
    entity: 'order',
    entity_id: id,
    action,
    actor_user_id: null,
    actor_label: label,
    from_value: from,
    to_value: to,
    ...reasonColumns(null),
    created_at: at,
  });
  const N = 1_000;
  for (let i = 0; i < N; i++) {
    const id = firstOrderId + i;
    const c = start + Math.floor(((now - start) * i) / N);
    const g = generateOrder(rnd, accountId, `B${id}`, c, now, []);
    const p = packers[i % packers.length];
    if (!p) throw new Error('no packers');
    const a = Math.min(now, c + rnd.int(1, 5) * MIN);
    const cf = rnd.next() < 0.7 ? Math.min(now, a + rnd.int(0, 30) * MIN) : null;
    const pk = cf !== null && rnd.next() < 0.72 ? Math.min(now, cf + rnd.int(1, 20) * MIN) : null;
    const status: OrderStatus = pk !== null ? 'packed' : cf !== null ? 'confirmed' : 'assigned';
    orders.push({
      ...g.order,
      id,
      status,
      packer_id: p.id,
      assigned_at: a,
      confirmed_at: cf,
      updated_at: pk ?? cf ?? a,
    });
    for (const it of g.items) items.push({ ...it, account_id: accountId, order_id: id });
    assignments.push({
      account_id: accountId,
      order_id: id,
      packer_id: p.id,
      assigned_at: a,
      confirmed_at: cf,
      packed_at: pk,
      confirm_work_ms: cf === null ? null : cf - a,
      pack_work_ms: pk === null || cf === null ? null : pk - cf,
      ended_at: null,
      assigned_by: null,
      ...reasonColumns(reason('round_robin', { after: p.id })),
      override: 0,
    });
    audits.push(row(id, 'created', 'store sync', null, 'new', c));
    audits.push(row(id, 'assigned', 'distribution', null, p.name, a));
    if (cf !== null) audits.push(row(id, 'confirmed', p.name, 'assigned', 'confirmed', cf));
    if (pk !== null) audits.push(row(id, 'packed', p.name, 'confirmed', 'packed', pk));
  }
  await db.transaction().execute(async (trx) => {
    await insertMany(trx, database.dialect, 'orders', orders);
    await indexForSearch(
      trx,
      orders.map((o) => o.id),
    );
    await insertMany(trx, database.dialect, 'order_items', items);
    await insertMany(trx, database.dialect, 'assignments', assignments);
    await insertMany(trx, database.dialect, 'audit_events', audits);
  });
  const slots = [...new Set(audits.map((a) => Math.floor(a.created_at / SLOT_MS)))];
  const touch = async () => {
    await sql`INSERT INTO report_dirty (account_id, slot, n)
      SELECT ${accountId}, value, 1 FROM json_each(${JSON.stringify(slots)}) WHERE true
      ON CONFLICT (account_id, slot) DO NOTHING`.execute(db);
  };
  return {
    orders: N,
    events: audits.length,
    firstOrderId,
    firstAuditId,
    firstAssignmentId,
    slots,
    touch,
  };
}

/** Takes the busy day out again (a reused bench database stays as made) and rebuilds today. */
export async function removeBusyDay(
  database: Database,
  accountId: number,
  busy: BusyDay,
  timeZone: string,
  now: number,
): Promise<void> {
  const db = database.db;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('audit_events').where('id', '>=', busy.firstAuditId).execute();
    await trx.deleteFrom('assignments').where('id', '>=', busy.firstAssignmentId).execute();
    await trx.deleteFrom('order_items').where('order_id', '>=', busy.firstOrderId).execute();
    await trx.deleteFrom('orders').where('id', '>=', busy.firstOrderId).execute();
  });
  await busy.touch();
  await refreshRollups(db, accountId, timeZone, now);
}

/**
 * The per-packer year without rollups: counts and the median (nearest rank, whole minutes) of
 * confirm→packed straight from `assignments`, one aggregate and one window query.
 */
export async function baselineYear(
  db: Kysely<DB>,
  accountId: number,
  range: { from: string; to: string },
  timeZone: string,
) {
  const start = localMidnight(range.from, timeZone);
  const end = localMidnight(addDays(range.to, 1), timeZone);
  const r = await sql<{
    packer_id: number;
    assigned: number;
    confirmed: number;
    packed: number;
    median_min: number | null;
  }>`WITH d AS (
      SELECT packer_id, (packed_at - confirmed_at) / 60000 AS m,
        row_number() OVER (PARTITION BY packer_id ORDER BY packed_at - confirmed_at) AS rn,
        count(*) OVER (PARTITION BY packer_id) AS cnt
      FROM assignments
      WHERE account_id = ${accountId} AND packed_at >= ${start} AND packed_at < ${end}
        AND confirmed_at IS NOT NULL),
    med AS (SELECT packer_id, m FROM d WHERE rn = (cnt + 1) / 2),
    c AS (SELECT packer_id,
        sum(CASE WHEN assigned_at >= ${start} AND assigned_at < ${end} THEN 1 ELSE 0 END) AS assigned,
        sum(CASE WHEN confirmed_at >= ${start} AND confirmed_at < ${end} THEN 1 ELSE 0 END) AS confirmed,
        sum(CASE WHEN packed_at >= ${start} AND packed_at < ${end} THEN 1 ELSE 0 END) AS packed
      FROM assignments WHERE account_id = ${accountId} AND assigned_at < ${end}
      GROUP BY packer_id)
    SELECT c.packer_id, c.assigned, c.confirmed, c.packed, med.m AS median_min
    FROM c LEFT JOIN med ON med.packer_id = c.packer_id ORDER BY c.packer_id`.execute(db);
  return r.rows;
}

export interface BusyMinute {
  events: number;
  /** Takes the minute's writes back (the bench database stays as made). */
  undo(): Promise<void>;
}

/**
 * The last minute of a busy morning, after the background refresh has rolled up the rest: a
 * dozen packings and confirmations of the morning's orders (their audit rows), and couriers
 * reporting parcels of the past weeks delivered (a tracking event each, the shipment's status),
 * which marks the days those AWBs and orders belong to.
 */
export async function insertBusyMinute(
  database: Database,
  accountId: number,
  busy: BusyDay,
  now: number,
): Promise<BusyMinute> {
  const db = database.db;
  const at = (k: number) => now - 60_000 + k * 4_000;
  const open = await db
    .selectFrom('assignments')
    .select(['id', 'order_id', 'confirmed_at'])
    .where('id', '>=', busy.firstAssignmentId)
    .where('packed_at', 'is', null)
    .orderBy('id')
    .limit(12)
    .execute();
  const parcels = await db
    .selectFrom('shipments')
    .select(['id', 'status', 'updated_at'])
    .where('account_id', '=', accountId)
    .where('phase', '=', 'made')
    .where('status', '=', 'in_transit')
    .where('created_at', '>', now - 20 * 86_400_000)
    .orderBy('id')
    .limit(8)
    .execute();
  const firstEvent = Number(
    (await sql<{ m: number | null }>`SELECT max(id) AS m FROM shipment_events`.execute(db)).rows[0]
      ?.m ?? 0,
  );
  let events = 0;
  await db.transaction().execute(async (trx) => {
    for (const [k, a] of open.entries()) {
      const confirmed = a.confirmed_at ?? at(k);
      await trx
        .updateTable('assignments')
        .set({ confirmed_at: confirmed, packed_at: at(k) + 1_000 })
        .where('id', '=', a.id)
        .execute();
      await trx
        .updateTable('orders')
        .set({ status: 'packed', updated_at: at(k) + 1_000 })
        .where('id', '=', a.order_id)
        .execute();
      events += 2;
    }
    for (const [k, p] of parcels.entries()) {
      await trx
        .insertInto('shipment_events')
        .values({
          account_id: accountId,
          shipment_id: p.id,
          status: 'delivered',
          courier_code: 'DELIVERED',
          courier_text: 'Livrat',
          occurred_at: at(k),
          created_at: at(k),
        })
        .execute();
      await trx
        .updateTable('shipments')
        .set({ status: 'delivered', updated_at: at(k) })
        .where('id', '=', p.id)
        .execute();
      events += 2;
    }
  });
  return {
    events,
    async undo() {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('shipment_events').where('id', '>', firstEvent).execute();
        for (const p of parcels)
          await trx
            .updateTable('shipments')
            .set({ status: p.status, updated_at: p.updated_at })
            .where('id', '=', p.id)
            .execute();
      });
    },
  };
}
