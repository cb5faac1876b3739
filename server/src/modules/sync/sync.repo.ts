import type { Insertable, Transaction } from 'kysely';
import { reason, reasonColumns, type Reason } from '../../shared/reasons.js';
import type { AuditEventsTable, DB, OrderStatus } from '../../db/schema.js';
import type { UnifiedOrder } from '../connectors/unified-order.js';
import type { NewItem } from '../orders/orders.repo.js';
import type { RowWriter } from './row-writer.js';
import type { Refused } from './quarantine.js';
import { cleanOrder, unstorable } from './store-text.js';
import {
  type OrderRows,
  type SyncedOrderColumns,
  addressSummary,
  itemsSummary,
  newOrderRow,
  nextStatus,
  ownedAddress,
  ownedItem,
  sameAddress,
  sameItems,
  toRows,
} from './order-rows.js';

export interface NewOrderWritten {
  id: number;
  number: string;
  store_id: number;
  status: OrderStatus;
  store_status: string;
  packer_id: null;
  confirmed_at: null;
  total_minor: number;
  shipping_lines: string;
  items: readonly { sku: string; meta: string }[];
}

/** An order whose ecomdir status the store's change moved (the lifecycle table). */
export interface StatusMove {
  id: number;
  from: OrderStatus;
  to: OrderStatus;
  /** The packer whose queue it was in (before the move), if any. */
  packer_id: number | null;
}

export interface PageResult {
  /** New orders, with what distribution reads of them (it runs in the same transaction). */
  created: NewOrderWritten[];
  updated: number[];
  unchanged: number;
  /** Status moves caused by the store (closed, completed, reopened). */
  moved: StatusMove[];
  /**
   * Known orders, new and without a packer, whose store status changed: they may have
   * become distributable (pending → processing); distribution decides.
   */
  maybeDistributable: number[];
  /** Orders that cannot be stored as they are (see store-text.ts): skipped, to quarantine. */
  refused: Refused[];
}

const SYNCED_KEYS: (keyof SyncedOrderColumns)[] = [
  'number',
  'store_status',
  'created_at',
  'modified_at',
  'currency',
  'total_minor',
  'subtotal_minor',
  'shipping_total_minor',
  'discount_total_minor',
  'tax_total_minor',
  'payment_method',
  'payment_method_title',
  'is_cod',
  'paid',
  'customer_note',
  'customer_name',
  'customer_email',
  'customer_phone',
  'shipping_city',
  'items_count',
  'shipping_lines',
  'search_text',
];

/**
 * Stores one page of the store's orders, idempotently on (store, external id): a repeated
 * page, or an older version of an order than the one stored, changes nothing. Changes of
 * status, items and addresses are written to the audit trail. Runs in the caller's
 * transaction, which also moves the cursor.
 */
export async function upsertOrdersPage(
  trx: Transaction<DB>,
  writer: RowWriter,
  accountId: number,
  storeId: number,
  source: string,
  page: readonly UnifiedOrder[],
  now: number,
): Promise<PageResult> {
  // The last version of an order within the page wins (pages are in modification order).
  const incoming = new Map<string, OrderRows>();
  const result: PageResult = {
    created: [],
    updated: [],
    unchanged: 0,
    moved: [],
    maybeDistributable: [],
    refused: [],
  };
  // Text PostgreSQL refuses is cleaned (and recorded below); values no column can hold are
  // refused here, so one bad order never fails the page on one database only.
  const cleaned = new Map<string, string[]>();
  for (const raw of page) {
    const { order: u, fields } = cleanOrder(raw);
    const rows = toRows(u);
    const bad = unstorable(rows);
    if (bad) {
      incoming.delete(String(u.id));
      result.refused.push({
        external_id: String(u.id),
        number: u.number,
        reason: 'value_out_of_range',
        detail: bad.field,
      });
      continue;
    }
    if (fields.length) cleaned.set(String(u.id), fields);
    incoming.set(String(u.id), rows);
  }
  const externalIds = [...incoming.keys()];
  const noteCleaned = (orderId: number, externalId: string) => {
    const f = cleaned.get(externalId);
    if (f)
      audit(
        orderId,
        'store_data_cleaned',
        null,
        f.join(', ').slice(0, 500),
        reason('store_data_cleaned'),
      );
  };
  if (externalIds.length === 0) return result;

  const existing = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'status', 'packer_id', ...SYNCED_KEYS])
    .where('store_id', '=', storeId)
    .where('external_id', 'in', externalIds)
    .execute();
  const byExternal = new Map(existing.map((o) => [o.external_id ?? '', o]));
  const audits: Insertable<AuditEventsTable>[] = [];
  const audit = (
    orderId: number,
    action: string,
    from: string | null,
    to: string | null,
    why: Reason,
  ) =>
    audits.push({
      account_id: accountId,
      entity: 'order',
      entity_id: orderId,
      action,
      actor_user_id: null,
      actor_label: 'store sync',
      from_value: from,
      to_value: to,
      ...reasonColumns(why),
      created_at: now,
    });

  const fresh = [...incoming.values()].filter((r) => !byExternal.has(r.order.external_id));
  if (fresh.length) {
    const rows = fresh.map((r) => newOrderRow(r.order, accountId, storeId, source, now));
    const inserted = await writer.insertOrders(trx, rows);
    const idOf = new Map(inserted.map((r) => [r.external_id ?? '', r.id]));
    const items: Insertable<DB['order_items']>[] = [];
    const addresses: Insertable<DB['order_addresses']>[] = [];
    fresh.forEach((r, k) => {
      const id = idOf.get(r.order.external_id) ?? 0;
      for (const i of r.items) items.push(ownedItem(i, accountId, id));
      for (const a of r.addresses) addresses.push(ownedAddress(a, accountId, id));
      const status = rows[k]!.status;
      result.created.push({
        id,
        number: r.order.number,
        store_id: storeId,
        status,
        store_status: r.order.store_status,
        packer_id: null,
        confirmed_at: null,
        total_minor: r.order.total_minor,
        shipping_lines: r.order.shipping_lines,
        items: r.items,
      });
      audit(
        id,
        'created',
        null,
        status,
        reason('synced_from_store', { store_status: r.order.store_status }),
      );
      noteCleaned(id, r.order.external_id);
    });
    await writer.insert(trx, 'order_items', items);
    await writer.insert(trx, 'order_addresses', addresses);
  }

  const known = [...incoming.values()].filter((r) => byExternal.has(r.order.external_id));
  if (known.length) {
    const ids = known.map((r) => byExternal.get(r.order.external_id)?.id ?? 0);
    const [oldItems, oldAddresses] = await Promise.all([
      trx
        .selectFrom('order_items')
        .selectAll()
        .where('order_id', 'in', ids)
        .orderBy('id')
        .execute(),
      trx.selectFrom('order_addresses').selectAll().where('order_id', 'in', ids).execute(),
    ]);
    for (const r of known) {
      const old = byExternal.get(r.order.external_id);
      if (!old) continue;
      // An older version than the one stored (a repeated or overtaken page): ignore it.
      if (r.order.modified_at < old.modified_at) {
        result.unchanged += 1;
        continue;
      }
      const its = oldItems.filter((i) => i.order_id === old.id) as NewItem[];
      const adr = oldAddresses.filter((a) => a.order_id === old.id);
      const itemsChanged = !sameItems(its, r.items);
      const changedAddresses = r.addresses.filter(
        (a) =>
          !sameAddress(
            adr.find((x) => x.kind === a.kind),
            a,
          ),
      );
      const columnsChanged = SYNCED_KEYS.some((k) => old[k] !== r.order[k]);
      if (!itemsChanged && !changedAddresses.length && !columnsChanged) {
        result.unchanged += 1;
        continue;
      }
      const status =
        old.store_status !== r.order.store_status
          ? nextStatus(old.status, old.store_status, r.order.store_status)
          : null;
      // Reopened (back to new): it goes back to distribution without its former packer.
      const reopened = status === 'new';
      await trx
        .updateTable('orders')
        .set({
          ...r.order,
          ...(status && { status }),
          ...(reopened && { packer_id: null, assigned_at: null, confirmed_at: null }),
          updated_at: now,
        })
        .where('id', '=', old.id)
        .execute();
      if (status)
        result.moved.push({ id: old.id, from: old.status, to: status, packer_id: old.packer_id });
      if (reopened && old.packer_id !== null)
        await trx
          .updateTable('assignments')
          .set({ ended_at: now })
          .where('order_id', '=', old.id)
          .where('ended_at', 'is', null)
          .execute();
      if (
        old.store_status !== r.order.store_status &&
        (status ?? old.status) === 'new' &&
        (reopened || old.packer_id === null)
      )
        result.maybeDistributable.push(old.id);
      if (old.store_status !== r.order.store_status)
        audit(
          old.id,
          'store_status_changed',
          old.store_status,
          r.order.store_status,
          reason('changed_in_store'),
        );
      if (status)
        audit(
          old.id,
          'status_changed',
          old.status,
          status,
          reason('store_marked', { store_status: r.order.store_status }),
        );
      if (itemsChanged) {
        await trx.deleteFrom('order_items').where('order_id', '=', old.id).execute();
        await writer.insert(
          trx,
          'order_items',
          r.items.map((i) => ownedItem(i, accountId, old.id)),
        );
        audit(
          old.id,
          'items_changed',
          itemsSummary(its),
          itemsSummary(r.items),
          reason('changed_in_store'),
        );
      }
      for (const a of changedAddresses) {
        const before = adr.find((x) => x.kind === a.kind);
        await trx
          .deleteFrom('order_addresses')
          .where('order_id', '=', old.id)
          .where('kind', '=', a.kind)
          .execute();
        await trx
          .insertInto('order_addresses')
          .values(ownedAddress(a, accountId, old.id))
          .execute();
        audit(
          old.id,
          `${a.kind}_address_changed`,
          before ? addressSummary(before) : null,
          addressSummary(a),
          reason('changed_in_store'),
        );
      }
      noteCleaned(old.id, r.order.external_id);
      result.updated.push(old.id);
    }
  }
  await writer.insert(trx, 'audit_events', audits);
  return result;
}

/** Marks orders that the store no longer has (deleted for good) so nobody packs them. */
export async function markDeletedInStore(
  trx: Transaction<DB>,
  accountId: number,
  orderId: number,
  now: number,
): Promise<StatusMove | null> {
  const o = await trx
    .selectFrom('orders')
    .select(['status', 'store_status', 'packer_id'])
    .where('account_id', '=', accountId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!o || o.store_status === 'deleted') return null;
  const status = nextStatus(o.status, o.store_status, 'deleted');
  await trx
    .updateTable('orders')
    .set({ store_status: 'deleted', ...(status && { status }), updated_at: now })
    .where('id', '=', orderId)
    .execute();
  const rows: Insertable<AuditEventsTable>[] = [
    {
      account_id: accountId,
      entity: 'order',
      entity_id: orderId,
      action: 'store_status_changed',
      actor_user_id: null,
      actor_label: 'store sync',
      from_value: o.store_status,
      to_value: 'deleted',
      ...reasonColumns(reason('store_order_gone')),
      created_at: now,
    },
  ];
  if (status)
    rows.push({ ...rows[0]!, action: 'status_changed', from_value: o.status, to_value: status });
  await trx.insertInto('audit_events').values(rows).execute();
  return status ? { id: orderId, from: o.status, to: status, packer_id: o.packer_id } : null;
}
