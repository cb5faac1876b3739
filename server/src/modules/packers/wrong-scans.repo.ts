import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Where a page of a packer's wrong scans continues: the last row's (created_at, id). */
export interface ScanKey {
  at: number;
  id: number;
}

/**
 * A packer's wrong scans, newest first, after `from` (keyset: index scan_mismatches_packer).
 * The order is joined on the account too: a row can never show another account's order.
 */
export async function packerWrongScans(
  db: Db,
  accountId: number,
  packerId: number,
  from: ScanKey | null,
  limit: number,
) {
  let q = db
    .selectFrom('scan_mismatches as s')
    .innerJoin('orders as o', (j) =>
      j.onRef('o.id', '=', 's.order_id').on('o.account_id', '=', accountId),
    )
    .leftJoin('order_items as i', 'i.id', 's.order_item_id')
    .select([
      's.id',
      's.code',
      's.kind',
      's.created_at',
      's.order_item_id',
      'o.id as order_id',
      'o.number as order_number',
      'i.sku as item_sku',
      'i.name as item_name',
    ])
    .where('s.account_id', '=', accountId)
    .where('s.packer_id', '=', packerId);
  if (from)
    q = q.where((eb) =>
      eb.or([
        eb('s.created_at', '<', from.at),
        eb.and([eb('s.created_at', '=', from.at), eb('s.id', '<', from.id)]),
      ]),
    );
  return q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
}

/** The items of these orders (what the station expected to be scanned), by order. */
export async function itemsOfOrders(db: Db, accountId: number, orderIds: number[]) {
  const byOrder = new Map<number, { sku: string; name: string }[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .selectFrom('order_items')
    .select(['order_id', 'sku', 'name'])
    .where('account_id', '=', accountId)
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byOrder.get(r.order_id) ?? [];
    list.push({ sku: r.sku, name: r.name });
    byOrder.set(r.order_id, list);
  }
  return byOrder;
}
