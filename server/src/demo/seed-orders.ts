import type { Kysely } from 'kysely';
import { reason, reasonColumns } from '../shared/reasons.js';
import type { DB, NewOrder, OrderStatus } from '../db/schema.js';
import { toMinor } from '../shared/money.js';
import type { NewAddress, NewItem } from '../modules/orders/orders.repo.js';
import { buildSearchText } from '../modules/orders/search-text.js';
import { indexForSearch } from '../modules/orders/search-index.js';
import { scheduleOf } from '../modules/packing/packing-facts.js';
import type { WeeklySchedule } from '../modules/packers/packers.schema.js';
import { workingMs } from '../modules/penalties/working-time.js';
import {
  CITIES,
  FIRST_NAMES,
  LAST_NAMES,
  PAYMENT_METHODS,
  PRODUCTS,
  STREETS,
} from './romanian-data.js';
import { Random } from './random.js';

export interface SeedOptions {
  accountId: number;
  count: number;
  /** Orders are spread evenly over this many days before now. */
  days: number;
  /** Packers to give the orders that are past `new`; none leaves every order new. */
  packerIds: number[];
  seed?: number;
  numberPrefix?: string;
  onProgress?: (done: number, total: number) => void;
}

interface GeneratedOrder {
  order: NewOrder;
  addresses: NewAddress[];
  items: NewItem[];
}

/** Older orders are further along: what a shop's history looks like. */
function statusForAge(rnd: Random, ageDays: number, hasPackers: boolean): OrderStatus {
  if (!hasPackers) return rnd.next() < 0.03 ? 'cancelled' : 'new';
  const r = rnd.next();
  if (ageDays < 1) return r < 0.4 ? 'new' : r < 0.7 ? 'assigned' : r < 0.9 ? 'confirmed' : 'packed';
  if (ageDays < 3)
    return r < 0.1 ? 'assigned' : r < 0.2 ? 'confirmed' : r < 0.4 ? 'packed' : 'shipped';
  return r < 0.85 ? 'delivered' : r < 0.93 ? 'returned' : 'cancelled';
}

export function generateOrder(
  rnd: Random,
  accountId: number,
  number: string,
  createdAt: number,
  now: number,
  packerIds: number[],
): GeneratedOrder {
  const first = rnd.pick(FIRST_NAMES);
  const last = rnd.pick(LAST_NAMES);
  const [city, county, zip] = rnd.pick(CITIES);
  const phone = `07${rnd.int(20, 99)} ${rnd.int(100, 999)} ${rnd.int(100, 999)}`;
  const email = `${first}.${last}${rnd.int(1, 99)}@example.ro`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  const address: NewAddress = {
    kind: 'billing',
    first_name: first,
    last_name: last,
    company: rnd.next() < 0.1 ? `${last} Trading SRL` : '',
    email,
    phone,
    address_1: `${rnd.pick(STREETS)} ${rnd.int(1, 150)}`,
    address_2: rnd.next() < 0.3 ? `Bl. ${rnd.int(1, 40)}, ap. ${rnd.int(1, 80)}` : '',
    city,
    state: county,
    postcode: `${zip}${String(rnd.int(0, 999)).padStart(6 - zip.length, '0')}`.slice(0, 6),
    country: 'RO',
  };
  const lines = rnd.int(1, 4);
  const items: NewItem[] = [];
  for (let i = 0; i < lines; i++) {
    const [sku, name, price, grams] = rnd.pick(PRODUCTS);
    const quantity = rnd.next() < 0.8 ? 1 : rnd.int(2, 4);
    const unit = toMinor(price);
    items.push({
      external_id: null,
      product_id: null,
      variation_id: null,
      sku,
      name,
      quantity,
      unit_price_minor: unit,
      total_minor: unit * quantity,
      weight_grams: grams,
      meta: '{}',
    });
  }
  const subtotal = items.reduce((s, i) => s + i.total_minor, 0);
  const shipping = subtotal >= 25_000 ? 0 : 1_999;
  const [method, title] = rnd.weighted(PAYMENT_METHODS, (p) => p[2]);
  const status = statusForAge(rnd, (now - createdAt) / 86_400_000, packerIds.length > 0);
  const withPacker = !['new', 'cancelled'].includes(status) && packerIds.length > 0;
  const packerId = withPacker ? rnd.pick(packerIds) : null;
  const assignedAt = packerId === null ? null : createdAt + rnd.int(1, 30) * 60_000;
  const confirmedAt =
    assignedAt !== null && status !== 'assigned' ? assignedAt + rnd.int(1, 60) * 60_000 : null;
  const name = `${first} ${last}`;
  return {
    order: {
      account_id: accountId,
      store_id: null,
      external_id: null,
      number,
      status,
      store_status:
        status === 'cancelled' ? 'cancelled' : status === 'delivered' ? 'completed' : 'processing',
      source: 'manual',
      created_at: createdAt,
      modified_at: createdAt,
      currency: 'RON',
      total_minor: subtotal + shipping,
      subtotal_minor: subtotal,
      shipping_total_minor: shipping,
      discount_total_minor: 0,
      tax_total_minor: 0,
      payment_method: method,
      payment_method_title: title,
      is_cod: method === 'cod' ? 1 : 0,
      paid: method === 'cod' ? (status === 'delivered' ? 1 : 0) : 1,
      customer_note: rnd.next() < 0.1 ? 'Vă rog sunați înainte de livrare.' : '',
      customer_name: name,
      customer_email: email,
      customer_phone: phone,
      shipping_city: city,
      items_count: items.reduce((s, i) => s + i.quantity, 0),
      shipping_lines: JSON.stringify([
        { method_id: 'flat_rate', method_title: 'Curier', total: (shipping / 100).toFixed(2) },
      ]),
      packer_id: packerId,
      assigned_at: assignedAt,
      confirmed_at: confirmedAt,
      search_text: buildSearchText({
        number,
        names: [name, address.company ?? ''],
        email,
        phone,
        skus: items.map((i) => i.sku ?? ''),
      }),
      updated_at: createdAt,
    },
    addresses: [address, { ...address, kind: 'shipping' }],
    items,
  };
}

const BATCH = 250;

/**
 * Inserts generated orders in batches (one transaction per batch), with their addresses,
 * items, assignment rows and a 'created' audit row. Works on both dialects.
 */
export async function seedOrders(db: Kysely<DB>, o: SeedOptions): Promise<void> {
  const rnd = new Random(o.seed ?? 42);
  const now = Date.now();
  const span = o.days * 86_400_000;
  const prefix = o.numberPrefix ?? 'D';
  const facts = await packingFactsOf(db, o);
  for (let start = 0; start < o.count; start += BATCH) {
    const batch: GeneratedOrder[] = [];
    for (let i = start; i < Math.min(start + BATCH, o.count); i++) {
      const createdAt = now - span + Math.floor((span * i) / o.count) + rnd.int(0, 59_999);
      batch.push(
        generateOrder(
          rnd,
          o.accountId,
          `${prefix}${10_000 + i}`,
          Math.min(createdAt, now),
          now,
          o.packerIds,
        ),
      );
    }
    await db.transaction().execute(async (trx) => {
      const ids = await trx
        .insertInto('orders')
        .values(batch.map((b) => b.order))
        .returning(['id', 'number'])
        .execute();
      await indexForSearch(
        trx,
        ids.map((r) => r.id),
      );
      const idOf = new Map(ids.map((r) => [r.number, r.id]));
      const withId = batch.map((b) => ({ ...b, id: idOf.get(b.order.number) ?? 0 }));
      await trx
        .insertInto('order_addresses')
        .values(
          withId.flatMap((b) =>
            b.addresses.map((a) => ({ ...a, account_id: o.accountId, order_id: b.id })),
          ),
        )
        .execute();
      await trx
        .insertInto('order_items')
        .values(
          withId.flatMap((b) =>
            b.items.map((it) => ({ ...it, account_id: o.accountId, order_id: b.id })),
          ),
        )
        .execute();
      const assigned = withId.filter(
        (b) => b.order.packer_id != null && b.order.assigned_at != null,
      );
      if (assigned.length) {
        await trx
          .insertInto('assignments')
          .values(
            assigned.map((b) => ({
              account_id: o.accountId,
              order_id: b.id,
              packer_id: b.order.packer_id as number,
              assigned_at: b.order.assigned_at as number,
              confirmed_at: b.order.confirmed_at ?? null,
              ended_at: null,
              assigned_by: null,
              ...reasonColumns(reason('demo_data')),
              override: 0,
              ...facts(b.order),
            })),
          )
          .execute();
      }
      await trx
        .insertInto('audit_events')
        .values(
          withId.map((b) => ({
            account_id: o.accountId,
            entity: 'order',
            entity_id: b.id,
            action: 'created',
            actor_user_id: null,
            actor_label: 'demo',
            from_value: null,
            to_value: 'new',
            ...reasonColumns(reason('demo_data')),
            created_at: b.order.created_at,
          })),
        )
        .execute();
    });
    o.onProgress?.(Math.min(start + BATCH, o.count), o.count);
  }
}

const PACKED_OR_LATER: readonly OrderStatus[] = ['packed', 'shipped', 'delivered', 'returned'];

/**
 * The packing facts of a demo assignment (what the station writes: working time of the
 * packer's shifts, packed_at for orders past packing), derived from the order's own instants
 * so the random sequence, and with it every demo order, stays what it was.
 */
async function packingFactsOf(db: Kysely<DB>, o: SeedOptions) {
  const tz =
    (
      await db
        .selectFrom('accounts')
        .select('timezone')
        .where('id', '=', o.accountId)
        .executeTakeFirst()
    )?.timezone ?? 'Europe/Bucharest';
  const shifts = new Map<number, WeeklySchedule>();
  if (o.packerIds.length)
    for (const p of await db
      .selectFrom('packers')
      .select(['id', 'shifts'])
      .where('account_id', '=', o.accountId)
      .where('id', 'in', o.packerIds)
      .execute())
      shifts.set(Number(p.id), scheduleOf(p.shifts));
  return (order: NewOrder) => {
    const schedule = shifts.get(Number(order.packer_id));
    const assigned = order.assigned_at ?? null;
    const confirmed = order.confirmed_at ?? null;
    if (!schedule || assigned === null || confirmed === null) return {};
    const confirm_work_ms = workingMs(schedule, tz, assigned, confirmed);
    if (!PACKED_OR_LATER.includes(order.status)) return { confirm_work_ms };
    const packed = confirmed + (5 + (Math.floor(confirmed / 60_000) % 50)) * 60_000;
    return {
      confirm_work_ms,
      packed_at: packed,
      pack_work_ms: workingMs(schedule, tz, confirmed, packed),
    };
  };
}
