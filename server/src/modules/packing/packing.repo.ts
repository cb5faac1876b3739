import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function findOrderForUpdate(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('orders as o')
    .leftJoin('packers as p', 'p.id', 'o.packer_id')
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.packer_id',
      'o.confirmed_at',
      'o.store_id',
      'p.name as packer_name',
    ])
    .where('o.account_id', '=', accountId)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export type LockedOrder = NonNullable<Awaited<ReturnType<typeof findOrderForUpdate>>>;

/** Item meta keys under which WooCommerce and barcode plugins keep the EAN / GTIN. */
const EAN_KEYS = [
  'ean',
  '_ean',
  'ean13',
  'barcode',
  '_barcode',
  'gtin',
  '_gtin',
  'global_unique_id',
  '_global_unique_id',
  '_alg_ean',
  '_wpm_gtin_code',
  'hwp_product_gtin',
];

export function eanOf(metaText: string): string {
  const meta = parseJsonColumn<Record<string, unknown>>(metaText, {});
  for (const k of EAN_KEYS) {
    const v = meta[k];
    if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim();
  }
  return '';
}

export interface StationItem {
  id: number;
  sku: string;
  ean: string;
  name: string;
  quantity: number;
  scanned: number;
}

export async function findItems(
  db: Db,
  accountId: number,
  orderId: number,
): Promise<StationItem[]> {
  const rows = await db
    .selectFrom('order_items')
    .select(['id', 'sku', 'name', 'quantity', 'scanned_quantity', 'meta'])
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    ean: eanOf(r.meta),
    name: r.name,
    quantity: r.quantity,
    scanned: r.scanned_quantity,
  }));
}

/** One more unit of a line, never past its quantity (the condition wins any race). */
export async function countUp(db: Db, accountId: number, itemId: number): Promise<boolean> {
  const r = await db
    .updateTable('order_items')
    .set((eb) => ({ scanned_quantity: eb('scanned_quantity', '+', 1) }))
    .where('account_id', '=', accountId)
    .where('id', '=', itemId)
    .where((eb) => eb('scanned_quantity', '<', eb.ref('quantity')))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function resetScans(db: Db, accountId: number, orderId: number): Promise<void> {
  await db
    .updateTable('order_items')
    .set({ scanned_quantity: 0 })
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .execute();
}

export async function recordMismatch(
  db: Db,
  m: {
    accountId: number;
    orderId: number;
    packerId: number | null;
    itemId: number | null;
    code: string;
    kind: 'wrong_item' | 'too_many';
    at: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('scan_mismatches')
    .values({
      account_id: m.accountId,
      order_id: m.orderId,
      packer_id: m.packerId,
      order_item_id: m.itemId,
      code: m.code.slice(0, 200),
      kind: m.kind,
      created_at: m.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function stationQueue(db: Db, accountId: number, packerId: number) {
  return db
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'status',
      'customer_name',
      'shipping_city',
      'items_count',
      'total_minor',
      'currency',
      'is_cod',
      'assigned_at',
      'confirmed_at',
      'customer_note',
    ])
    .where('account_id', '=', accountId)
    .where('packer_id', '=', packerId)
    .where('status', 'in', ['assigned', 'confirmed'])
    .orderBy('assigned_at')
    .orderBy('id')
    .limit(500)
    .execute();
}
