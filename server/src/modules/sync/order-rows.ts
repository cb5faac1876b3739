import type { Insertable } from 'kysely';
import type {
  OrderAddressesTable,
  OrderItemsTable,
  OrderStatus,
  OrdersTable,
} from '../../db/schema.js';
import type { UnifiedAddress, UnifiedOrder } from '../connectors/unified-order.js';
import { COD_METHODS } from '../orders/create-manual-order.js';
import type { NewAddress, NewItem } from '../orders/orders.repo.js';
import { buildSearchText } from '../orders/search-text.js';

/**
 * Pure: a unified order as ecomdir's rows (order, addresses, items), and the comparisons
 * that decide what an incoming version changed.
 */

/** Store statuses after which nothing is to be packed. */
export const CLOSED_IN_STORE = new Set(['cancelled', 'refunded', 'failed', 'trash', 'deleted']);

/** Money as minor units; the plugin may send more than two decimals (rounded half away from zero). */
export function minor(decimal: string): number {
  const n = Number(decimal);
  return Math.sign(n) * Math.round(Math.abs(n) * 100);
}

/** The synced columns of an order (everything the store owns; not ecomdir's packer or status). */
export type SyncedOrderColumns = Pick<
  OrdersTable,
  | 'number'
  | 'store_status'
  | 'created_at'
  | 'modified_at'
  | 'currency'
  | 'total_minor'
  | 'subtotal_minor'
  | 'shipping_total_minor'
  | 'discount_total_minor'
  | 'tax_total_minor'
  | 'payment_method'
  | 'payment_method_title'
  | 'is_cod'
  | 'paid'
  | 'customer_note'
  | 'customer_name'
  | 'customer_email'
  | 'customer_phone'
  | 'shipping_city'
  | 'items_count'
  | 'shipping_lines'
  | 'search_text'
> & { external_id: string };

export interface OrderRows {
  order: SyncedOrderColumns;
  addresses: (NewAddress & { kind: 'billing' | 'shipping' })[];
  items: NewItem[];
}

const fullName = (a: UnifiedAddress) => `${a.first_name} ${a.last_name}`.trim();

export function toRows(u: UnifiedOrder): OrderRows {
  const items: NewItem[] = u.items.map((i) => ({
    external_id: String(i.id),
    product_id: i.product_id ? String(i.product_id) : null,
    variation_id: i.variation_id ? String(i.variation_id) : null,
    sku: i.sku,
    name: i.name,
    quantity: i.quantity,
    unit_price_minor: minor(i.unit_price),
    total_minor: minor(i.total),
    weight_grams: i.weight_kg === null ? null : Math.round(Number(i.weight_kg) * 1000),
    meta: JSON.stringify(Object.fromEntries(i.meta.map((m) => [m.key, m.value]))),
  }));
  const b = u.billing;
  const s = u.shipping;
  const number = u.number;
  return {
    order: {
      external_id: String(u.id),
      number,
      store_status: u.status,
      created_at: Date.parse(u.created_at),
      modified_at: Date.parse(u.modified_at),
      currency: u.currency,
      total_minor: minor(u.total),
      subtotal_minor: minor(u.subtotal),
      shipping_total_minor: minor(u.shipping_total),
      discount_total_minor: minor(u.discount_total),
      tax_total_minor: minor(u.tax_total),
      payment_method: u.payment_method,
      payment_method_title: u.payment_method_title,
      is_cod: COD_METHODS.has(u.payment_method.toLowerCase()) ? 1 : 0,
      paid: u.paid ? 1 : 0,
      customer_note: u.customer_note,
      customer_name: fullName(b) || fullName(s),
      customer_email: b.email,
      customer_phone: b.phone || s.phone,
      shipping_city: s.city || b.city,
      items_count: u.items.reduce((n, i) => n + i.quantity, 0),
      shipping_lines: JSON.stringify(u.shipping_lines),
      search_text: buildSearchText({
        number,
        names: [fullName(b), b.company, fullName(s)],
        email: b.email,
        phone: b.phone,
        skus: items.map((i) => i.sku),
      }),
    },
    addresses: [
      { kind: 'billing', ...b },
      { kind: 'shipping', ...s },
    ],
    items,
  };
}

/**
 * The rows of a new order, spelled out: a literal of known shape is much cheaper for V8 to
 * build and to read column by column than a spread of another object (a first sync builds
 * one per order, item and address).
 */
export function newOrderRow(
  o: SyncedOrderColumns,
  accountId: number,
  storeId: number,
  source: string,
  now: number,
): Insertable<OrdersTable> {
  return {
    account_id: accountId,
    store_id: storeId,
    external_id: o.external_id,
    number: o.number,
    status: initialStatus(o.store_status),
    store_status: o.store_status,
    source,
    created_at: o.created_at,
    modified_at: o.modified_at,
    currency: o.currency,
    total_minor: o.total_minor,
    subtotal_minor: o.subtotal_minor,
    shipping_total_minor: o.shipping_total_minor,
    discount_total_minor: o.discount_total_minor,
    tax_total_minor: o.tax_total_minor,
    payment_method: o.payment_method,
    payment_method_title: o.payment_method_title,
    is_cod: o.is_cod,
    paid: o.paid,
    customer_note: o.customer_note,
    customer_name: o.customer_name,
    customer_email: o.customer_email,
    customer_phone: o.customer_phone,
    shipping_city: o.shipping_city,
    items_count: o.items_count,
    shipping_lines: o.shipping_lines,
    packer_id: null,
    assigned_at: null,
    confirmed_at: null,
    search_text: o.search_text,
    updated_at: now,
  };
}

export function ownedItem(
  i: NewItem,
  accountId: number,
  orderId: number,
): Insertable<OrderItemsTable> {
  return {
    account_id: accountId,
    order_id: orderId,
    external_id: i.external_id,
    product_id: i.product_id,
    variation_id: i.variation_id,
    sku: i.sku,
    name: i.name,
    quantity: i.quantity,
    unit_price_minor: i.unit_price_minor,
    total_minor: i.total_minor,
    weight_grams: i.weight_grams,
    meta: i.meta,
  };
}

export function ownedAddress(
  a: OrderRows['addresses'][number],
  accountId: number,
  orderId: number,
): Insertable<OrderAddressesTable> {
  return {
    account_id: accountId,
    order_id: orderId,
    kind: a.kind,
    first_name: a.first_name,
    last_name: a.last_name,
    company: a.company,
    email: a.email,
    phone: a.phone,
    address_1: a.address_1,
    address_2: a.address_2,
    city: a.city,
    state: a.state,
    postcode: a.postcode,
    country: a.country,
  };
}

/** The ecomdir status of an order seen for the first time. */
export function initialStatus(storeStatus: string): OrderStatus {
  if (CLOSED_IN_STORE.has(storeStatus)) return 'cancelled';
  if (storeStatus === 'completed') return 'shipped';
  return 'new';
}

/** ecomdir statuses of an order still to be packed (in a packer's queue or Unassigned). */
export const OPEN_STATUSES: readonly OrderStatus[] = ['new', 'assigned', 'confirmed', 'packed'];

/**
 * The ecomdir status after the store's status changed, or null to keep it: the lifecycle
 * table of docs/stores-and-sync.md, applied to every change after the first sync.
 * - closed in the store (cancelled, refunded, failed, trash, deleted): an order not yet
 *   shipped is cancelled (it leaves its packer's queue);
 * - completed in the store: an order not yet shipped is shipped (the shop sent it itself),
 *   as a first sync maps completed;
 * - back to an open status from a closed one (restored from the trash, reopened): a
 *   cancelled order goes back to `new` (and to distribution);
 * - between open statuses (pending → processing, …): the status stays; distribution then
 *   decides whether the order has become distributable (the store's distributed statuses).
 */
export function nextStatus(
  current: OrderStatus,
  fromStore: string,
  toStore: string,
): OrderStatus | null {
  const open = OPEN_STATUSES.includes(current);
  if (CLOSED_IN_STORE.has(toStore) && !CLOSED_IN_STORE.has(fromStore))
    return open ? 'cancelled' : null;
  if (toStore === 'completed' && fromStore !== 'completed') return open ? 'shipped' : null;
  if (
    !CLOSED_IN_STORE.has(toStore) &&
    toStore !== 'completed' &&
    CLOSED_IN_STORE.has(fromStore) &&
    current === 'cancelled'
  )
    return 'new';
  return null;
}

const ITEM_KEYS = [
  'external_id',
  'product_id',
  'variation_id',
  'sku',
  'name',
  'quantity',
  'unit_price_minor',
  'total_minor',
  'weight_grams',
  'meta',
] as const;
export const ADDRESS_KEYS = [
  'first_name',
  'last_name',
  'company',
  'email',
  'phone',
  'address_1',
  'address_2',
  'city',
  'state',
  'postcode',
  'country',
] as const;

export function sameItems(a: readonly NewItem[], b: readonly NewItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => ITEM_KEYS.every((k) => (x[k] ?? null) === (b[i]?.[k] ?? null)))
  );
}

export function sameAddress(
  a: Partial<Record<(typeof ADDRESS_KEYS)[number], string>> | undefined,
  b: Partial<Record<(typeof ADDRESS_KEYS)[number], string>>,
): boolean {
  return !!a && ADDRESS_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

export const itemsSummary = (items: readonly NewItem[]) =>
  items.map((i) => `${i.quantity}× ${i.sku || i.name}`).join(', ');
export const addressSummary = (a: Partial<Record<(typeof ADDRESS_KEYS)[number], string>>) =>
  [`${a.first_name ?? ''} ${a.last_name ?? ''}`.trim(), a.address_1, a.city, a.postcode, a.phone]
    .filter(Boolean)
    .join(', ');
