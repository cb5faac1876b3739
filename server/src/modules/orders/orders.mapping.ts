import type { OrderAddressRow } from '../../db/schema.js';
import { iso, isoOrNull, parseJsonColumn } from '../../shared/json.js';
import { toDecimal } from '../../shared/money.js';
import { reasonOf } from '../../shared/reasons.js';
import type { ListedOrderRow } from './orders.list.repo.js';
import type { findAssignments, findOrder, findOrderItems } from './orders.repo.js';
import {
  type Address,
  AddressOut,
  type OrderDetailOut,
  OrderSource,
  type OrderSummaryOut,
} from './orders.schema.js';
import type { listAudit } from '../audit/audit.repo.js';
import type { StoreHolds } from '../sync/divergence.js';
import { isWaitingCode } from '../sync/push-retry.js';

const ref = (id: number | null, name: string | null) =>
  id === null ? null : { id, name: name ?? '' };

export function toSummary(r: ListedOrderRow): OrderSummaryOut {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    store: ref(r.store_id, r.store_name),
    created_at: iso(r.created_at),
    customer_name: r.customer_name,
    customer_phone: r.customer_phone,
    customer_email: r.customer_email,
    shipping_city: r.shipping_city,
    total: toDecimal(r.total_minor),
    currency: r.currency,
    payment_method: r.payment_method,
    payment_method_title: r.payment_method_title,
    is_cod: r.is_cod === 1,
    paid: r.paid === 1,
    items_count: r.items_count,
    packer: ref(r.packer_id, r.packer_name),
  };
}

const ADDRESS_KEYS = Object.keys(AddressOut.shape) as (keyof Address)[];

/** The address fields of a row, or empty strings when the order has no such address. */
function toAddress(a: OrderAddressRow | undefined): Address {
  return Object.fromEntries(ADDRESS_KEYS.map((k) => [k, a?.[k] ?? ''])) as Address;
}

type OrderRowWithNames = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export function toDetail(
  o: OrderRowWithNames,
  items: Awaited<ReturnType<typeof findOrderItems>>,
  addresses: OrderAddressRow[],
  assignments: Awaited<ReturnType<typeof findAssignments>>,
  audit: Awaited<ReturnType<typeof listAudit>>,
): Omit<OrderDetailOut, 'wrong_scans' | 'shipments'> {
  return {
    ...toSummary({ ...o, store_name: o.store_name, packer_name: o.packer_name }),
    store_status: o.store_status,
    store_push_error:
      o.store_push_error && o.store_push_error_at
        ? pushErrorOut(o.store_push_error, o.store_push_error_at)
        : null,
    store_divergence:
      o.store_divergence && o.store_divergence_at
        ? {
            ...parseJsonColumn<StoreHolds>(o.store_divergence, {
              packer_id: null,
              packer_name: null,
              confirmed: false,
            }),
            since: iso(o.store_divergence_at),
          }
        : null,
    // The column holds 'manual' or a connector's key, parsed so the answer's type says which.
    source: OrderSource.parse(o.source),
    modified_at: iso(o.modified_at),
    subtotal: toDecimal(o.subtotal_minor),
    shipping_total: toDecimal(o.shipping_total_minor),
    discount_total: toDecimal(o.discount_total_minor),
    tax_total: toDecimal(o.tax_total_minor),
    customer_note: o.customer_note,
    billing: toAddress(addresses.find((a) => a.kind === 'billing')),
    shipping: toAddress(addresses.find((a) => a.kind === 'shipping')),
    items: items.map((i) => ({
      id: i.id,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      unit_price: toDecimal(i.unit_price_minor),
      total: toDecimal(i.total_minor),
      weight_kg: i.weight_grams === null ? null : i.weight_grams / 1000,
    })),
    shipping_lines: parseJsonColumn<{ method_id: string; method_title: string; total: string }[]>(
      o.shipping_lines,
      [],
    ),
    assignments: assignments.map((a) => ({
      id: a.id,
      packer: { id: a.packer_id, name: a.packer_name },
      assigned_at: iso(a.assigned_at),
      confirmed_at: isoOrNull(a.confirmed_at),
      ended_at: isoOrNull(a.ended_at),
      reason: reasonOf(a),
      override: a.override === 1,
      assigned_by: a.assigned_by_name,
    })),
    audit: audit.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor_label,
      from: e.from_value,
      to: e.to_value,
      reason: reasonOf(e),
      created_at: iso(e.created_at),
    })),
  };
}

/** Stored as "code: message" (sync/writeback.ts); the dashboard renders the code. */
function pushErrorOut(text: string, at: number) {
  const i = text.indexOf(': ');
  const code = i > 0 ? text.slice(0, i) : 'store_refused';
  return { code, message: text, at: iso(at), retrying: isWaitingCode(code) };
}
