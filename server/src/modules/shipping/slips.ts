import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { NotFound } from '../../shared/errors.js';
import type { RenderedDocument, SlipOrder } from './labels/label-data.js';
import { renderPackingSlips, renderPickingList } from './labels/slips.js';

export type SlipKind = 'picking' | 'packing';

/**
 * Renders a picking list (what to take from the shelves for the selection, summed by SKU) or
 * one packing slip per order. Injected like `RenderLabels`; the default is `renderSlips` below.
 */
export type RenderSlips = (kind: SlipKind, orders: SlipOrder[]) => Promise<RenderedDocument>;

/** The PDF renderers of `labels/slips.ts` behind the one signature the service takes. */
export const renderSlips: RenderSlips = (kind, orders) =>
  kind === 'picking' ? renderPickingList(orders) : renderPackingSlips(orders);

/** The selected orders as slips, in the order asked for; another account's id is not found. */
export async function slipOrders(
  db: Kysely<DB>,
  accountId: number,
  orderIds: number[],
): Promise<SlipOrder[]> {
  const ids = [...new Set(orderIds)];
  const orders = await db
    .selectFrom('orders as o')
    .leftJoin('stores as s', 's.id', 'o.store_id')
    .select(['o.id', 'o.number', 'o.customer_note', 'o.customer_name', 's.name as store_name'])
    .where('o.account_id', '=', accountId)
    .where('o.id', 'in', ids)
    .execute();
  if (orders.length !== ids.length)
    throw new NotFound('order_not_found', 'Some of these orders were not found.');
  const [items, addresses, awbs] = await Promise.all([
    db
      .selectFrom('order_items')
      .select(['order_id', 'sku', 'name', 'quantity'])
      .where('account_id', '=', accountId)
      .where('order_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('order_addresses')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('order_id', 'in', ids)
      .execute(),
    db
      .selectFrom('shipments')
      .select(['order_id', 'awb'])
      .where('account_id', '=', accountId)
      .where('order_id', 'in', ids)
      .where('phase', '=', 'made')
      .execute(),
  ]);
  const byId = new Map(orders.map((o) => [o.id, o]));
  return ids.flatMap((id) => {
    const o = byId.get(id);
    if (!o) return [];
    const mine = addresses.filter((a) => a.order_id === id);
    const a =
      mine.find((x) => x.kind === 'shipping' && x.address_1) ??
      mine.find((x) => x.kind === 'billing');
    return [
      {
        orderNumber: o.number,
        storeName: o.store_name ?? '',
        recipient: {
          name: a ? `${a.first_name} ${a.last_name}`.trim() : o.customer_name,
          company: a?.company || null,
          phone: a?.phone ?? '',
          address1: a?.address_1 ?? '',
          address2: a?.address_2 || null,
          city: a?.city ?? '',
          county: a?.state ?? '',
          postcode: a?.postcode || null,
          country: a?.country || 'RO',
        },
        items: items
          .filter((i) => i.order_id === id)
          .map((i) => ({ sku: i.sku || null, name: i.name, quantity: i.quantity })),
        customerNote: o.customer_note || null,
        awb: awbs.find((s) => s.order_id === id)?.awb ?? null,
      },
    ];
  });
}
