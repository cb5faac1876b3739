import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  DB,
  NewOrder,
  OrderAddressesTable,
  OrderItemsTable,
  OrderUpdate,
} from '../../db/schema.js';
import { indexForSearch } from './search-index.js';
import { reasonColumns, type Reason } from '../../shared/reasons.js';

type Db = Kysely<DB> | Transaction<DB>;

export type NewAddress = Omit<Insertable<OrderAddressesTable>, 'id' | 'account_id' | 'order_id'>;
export type NewItem = Omit<Insertable<OrderItemsTable>, 'id' | 'account_id' | 'order_id'>;

/** Inserts an order with its addresses and items; returns the new id. */
export async function insertOrderGraph(
  db: Db,
  order: NewOrder,
  addresses: NewAddress[],
  items: NewItem[],
): Promise<number> {
  const { id } = await db
    .insertInto('orders')
    .values(order)
    .returning('id')
    .executeTakeFirstOrThrow();
  await indexForSearch(db, [id]);
  const accountId = order.account_id;
  if (addresses.length) {
    await db
      .insertInto('order_addresses')
      .values(addresses.map((a) => ({ ...a, account_id: accountId, order_id: id })))
      .execute();
  }
  if (items.length) {
    await db
      .insertInto('order_items')
      .values(items.map((i) => ({ ...i, account_id: accountId, order_id: id })))
      .execute();
  }
  return id;
}

export async function updateOrder(
  db: Db,
  accountId: number,
  id: number,
  patch: OrderUpdate,
): Promise<number> {
  const r = await db
    .updateTable('orders')
    .set(patch)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findOrder(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('orders as o')
    .leftJoin('packers as p', 'p.id', 'o.packer_id')
    .leftJoin('stores as s', 's.id', 'o.store_id')
    .selectAll('o')
    .select(['p.name as packer_name', 's.name as store_name'])
    .where('o.account_id', '=', accountId)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function findOrderItems(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('order_items')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}

export async function findOrderAddresses(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('order_addresses')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .execute();
}

export async function findAssignments(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('packers as p', 'p.id', 'a.packer_id')
    .leftJoin('users as u', 'u.id', 'a.assigned_by')
    .select([
      'a.id',
      'a.packer_id',
      'p.name as packer_name',
      'a.assigned_at',
      'a.confirmed_at',
      'a.ended_at',
      'a.reason_code',
      'a.reason_params',
      'a.override',
      'u.name as assigned_by_name',
    ])
    .where('a.account_id', '=', accountId)
    .where('a.order_id', '=', orderId)
    .orderBy('a.assigned_at')
    .orderBy('a.id')
    .execute();
}

export async function endCurrentAssignment(
  db: Db,
  accountId: number,
  orderId: number,
  at: number,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ ended_at: at })
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function insertAssignment(
  db: Db,
  a: {
    accountId: number;
    orderId: number;
    packerId: number;
    at: number;
    by: number | null;
    reason: Reason;
    override: boolean;
  },
): Promise<void> {
  await db
    .insertInto('assignments')
    .values({
      account_id: a.accountId,
      order_id: a.orderId,
      packer_id: a.packerId,
      assigned_at: a.at,
      confirmed_at: null,
      ended_at: null,
      assigned_by: a.by,
      ...reasonColumns(a.reason),
      override: a.override ? 1 : 0,
    })
    .execute();
}

/** The order's wrong scans at the station, oldest first (shown on the order page). */
export async function findWrongScans(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('scan_mismatches as s')
    .leftJoin('packers as p', 'p.id', 's.packer_id')
    .select(['s.id', 's.code', 's.kind', 's.created_at', 'p.name as packer_name'])
    .where('s.account_id', '=', accountId)
    .where('s.order_id', '=', orderId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

/** The order's shipments in brief, oldest first (the order page; modules/shipping owns them). */
export async function findShipmentSummaries(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('shipments')
    .select(['id', 'courier', 'awb', 'phase', 'status', 'tracking_url', 'created_at'])
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .orderBy('attempt')
    .execute();
}
