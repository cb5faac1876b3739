import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import { EMPTY_SCHEDULE, type WeeklySchedule } from '../packers/packers.schema.js';
import { OPEN_STATUSES } from '../packers/packers.repo.js';
import type { Candidate, DistOrder, StrategyKey, StrategyState } from './distribution.types.js';
import { notIndexed } from '../../db/not-indexed.js';
import { insertMany } from '../../db/insert-many.js';
import { reasonColumns, type Reason } from '../../shared/reasons.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Manual (phone) orders have no store; their settings and state live under this key. */
export const MANUAL_STORE_KEY = 0;
export const storeKeyOf = (storeId: number | null) => storeId ?? MANUAL_STORE_KEY;

export interface Settings {
  storeKey: number;
  strategy: StrategyKey;
  enabled: boolean;
  storeStatuses: string[];
}

export const DEFAULT_SETTINGS: Omit<Settings, 'storeKey'> = {
  strategy: 'least-loaded',
  enabled: true,
  storeStatuses: ['processing'],
};

export async function listSettingsRows(db: Db, accountId: number): Promise<Settings[]> {
  const rows = await db
    .selectFrom('distribution_settings')
    .selectAll()
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((r) => ({
    storeKey: r.store_key,
    strategy: r.strategy as StrategyKey,
    enabled: r.enabled === 1,
    storeStatuses: parseJsonColumn<string[]>(r.store_statuses, DEFAULT_SETTINGS.storeStatuses),
  }));
}

export async function upsertSettings(
  db: Db,
  accountId: number,
  s: Settings,
  now: number,
): Promise<void> {
  const values = {
    strategy: s.strategy,
    enabled: s.enabled ? 1 : 0,
    store_statuses: JSON.stringify(s.storeStatuses),
    updated_at: now,
  };
  await db
    .insertInto('distribution_settings')
    .values({ account_id: accountId, store_key: s.storeKey, ...values })
    .onConflict((oc) => oc.columns(['account_id', 'store_key']).doUpdateSet(values))
    .execute();
}

/**
 * Reads (creating if needed) the strategy state of one store. On PostgreSQL the row stays
 * locked until the transaction ends: concurrent distribution runs for a store take turns,
 * so the state and the load counts each run sees are the ones the previous run left.
 * SQLite transactions are already serialised (one writer).
 */
export async function lockState(
  trx: Transaction<DB>,
  dialect: Dialect,
  accountId: number,
  storeKey: number,
  now: number,
): Promise<StrategyState> {
  await trx
    .insertInto('distribution_state')
    .values({ account_id: accountId, store_key: storeKey, state: '{}', updated_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'store_key']).doNothing())
    .execute();
  let q = trx
    .selectFrom('distribution_state')
    .select('state')
    .where('account_id', '=', accountId)
    .where('store_key', '=', storeKey);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  return parseJsonColumn<StrategyState>(row.state, {});
}

export async function saveState(
  db: Db,
  accountId: number,
  storeKey: number,
  state: StrategyState,
  now: number,
): Promise<void> {
  await db
    .updateTable('distribution_state')
    .set({ state: JSON.stringify(state), updated_at: now })
    .where('account_id', '=', accountId)
    .where('store_key', '=', storeKey)
    .execute();
}

/**
 * Every packer of the account with its current load and last assignment time. Correlated
 * subqueries, one index range per packer (orders_account_packer_status, assignments_packer),
 * stay fast as history grows; a GROUP BY over all assignments would not.
 */
export async function loadCandidates(db: Db, accountId: number): Promise<Candidate[]> {
  const packers = await db
    .selectFrom('packers as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('orders as o')
        .select(eb.fn.countAll<number>().as('n'))
        .where('o.account_id', '=', accountId)
        .whereRef('o.packer_id', '=', 'p.id')
        .where('o.status', 'in', OPEN_STATUSES)
        .as('open_orders'),
      eb
        .selectFrom('assignments as a')
        .select((sub) => sub.fn.max<number>('a.assigned_at').as('at'))
        .where('a.account_id', '=', accountId)
        .whereRef('a.packer_id', '=', 'p.id')
        .as('last_assigned_at'),
    ])
    .where('p.account_id', '=', accountId)
    .orderBy('p.id')
    .execute();
  return packers.map((p) => ({
    id: p.id,
    name: p.name,
    active: p.active === 1,
    weight: p.weight,
    maxOpenOrders: p.max_open_orders,
    skills: parseJsonColumn<string[]>(p.skills, []).map((s) => s.trim().toLowerCase()),
    allowedStoreIds: parseJsonColumn<number[]>(p.allowed_store_ids, []),
    shifts: { ...EMPTY_SCHEDULE, ...parseJsonColumn<Partial<WeeklySchedule>>(p.shifts, {}) },
    openOrders: Number(p.open_orders ?? 0),
    lastAssignedAt: p.last_assigned_at === null ? null : Number(p.last_assigned_at),
  }));
}

export interface OrderForDistribution extends DistOrder {
  number: string;
  status: string;
  storeStatus: string;
  packerId: number | null;
  confirmedAt: number | null;
}

/** Item meta keys under which stores and plugins put the product categories. */
const CATEGORY_KEYS = ['categories', 'category', 'product_categories', '_categories'];

function categoriesOf(metaText: string): string[] {
  const meta = parseJsonColumn<Record<string, unknown>>(metaText, {});
  const out: string[] = [];
  for (const key of CATEGORY_KEYS) {
    const v = meta[key];
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
    for (const c of list) if (typeof c === 'string' && c.trim()) out.push(c.trim().toLowerCase());
  }
  return out;
}

/** What distribution reads of an order's row and of its items' rows. */
export interface OrderColumnsForDistribution {
  id: number;
  /** The store's order number (#55): what messages name. */
  number: string;
  store_id: number | null;
  status: string;
  store_status: string;
  packer_id: number | null;
  confirmed_at: number | null;
  total_minor: number;
  shipping_lines: string;
}

/** An order with its items' rows, as a writer has just written them. */
export type WrittenOrder = OrderColumnsForDistribution & {
  items: readonly { sku: string; meta: string }[];
};

export function forDistribution(
  o: OrderColumnsForDistribution,
  items: readonly { sku: string; meta: string }[],
): OrderForDistribution {
  const lines = parseJsonColumn<{ method_id?: string; method_title?: string }[]>(
    o.shipping_lines,
    [],
  );
  return {
    id: o.id,
    number: o.number,
    storeId: o.store_id,
    status: o.status,
    storeStatus: o.store_status,
    packerId: o.packer_id,
    confirmedAt: o.confirmed_at,
    totalMinor: o.total_minor,
    skus: items.map((i) => i.sku).filter(Boolean),
    categories: items.flatMap((i) => categoriesOf(i.meta)),
    shippingMethods: lines
      .flatMap((l) => [l.method_id, l.method_title])
      .filter((x): x is string => !!x)
      .map((x) => x.toLowerCase()),
  };
}

export async function loadOrders(
  db: Db,
  accountId: number,
  ids: readonly number[],
): Promise<OrderForDistribution[]> {
  const out: OrderForDistribution[] = [];
  // Chunks keep the IN lists under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [orders, items] = await Promise.all([
      db
        .selectFrom('orders')
        .select([
          'id',
          'number',
          'store_id',
          'status',
          'store_status',
          'packer_id',
          'confirmed_at',
          'total_minor',
          'shipping_lines',
        ])
        .where(notIndexed('account_id'), '=', accountId)
        .where('id', 'in', chunk)
        .execute(),
      db
        .selectFrom('order_items')
        .select(['order_id', 'sku', 'meta'])
        .where('account_id', '=', accountId)
        .where('order_id', 'in', chunk)
        .execute(),
    ]);
    const itemsBy = new Map<number, { sku: string; meta: string }[]>();
    for (const it of items) {
      const list = itemsBy.get(it.order_id) ?? [];
      list.push(it);
      itemsBy.set(it.order_id, list);
    }
    for (const o of orders) out.push(forDistribution(o, itemsBy.get(o.id) ?? []));
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** The distinct store keys of the given orders, ascending (the lock order). */
export async function storeKeysOf(
  db: Db,
  accountId: number,
  ids: readonly number[],
): Promise<number[]> {
  const keys = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select('store_id')
      .distinct()
      .where(notIndexed('account_id'), '=', accountId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) keys.add(storeKeyOf(r.store_id));
  }
  return [...keys].sort((a, b) => a - b);
}

export async function accountTimeZone(db: Db, accountId: number): Promise<string> {
  const row = await db
    .selectFrom('accounts')
    .select('timezone')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.timezone ?? 'Europe/Bucharest';
}

export async function markUnassigned(
  db: Db,
  dialect: Dialect,
  accountId: number,
  rows: { orderId: number; reason: Reason }[],
  now: number,
): Promise<void> {
  // One statement for a whole page of a first sync; `since_at` stays that of the first time.
  await insertMany(
    db,
    dialect,
    'unassigned_orders',
    rows.map((r) => ({
      order_id: r.orderId,
      account_id: accountId,
      ...reasonColumns(r.reason),
      since_at: now,
      checked_at: now,
    })),
    { key: 'order_id', update: ['reason_code', 'reason_params', 'checked_at'] },
  );
}

export async function clearUnassigned(
  db: Db,
  accountId: number,
  orderIds: number[],
): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 500) {
    await db
      .deleteFrom('unassigned_orders')
      .where('account_id', '=', accountId)
      .where('order_id', 'in', orderIds.slice(i, i + 500))
      .execute();
  }
}

/** The accounts the periodic check walks (a self-hosted install usually has one). */
export async function accountIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('accounts').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
