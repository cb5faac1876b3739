import { z } from 'zod';
import type { AssignmentPush, OrdersCursor } from '../connector.js';
import { type UnifiedAddress, type UnifiedOrder, isoSecond } from '../unified-order.js';

/**
 * Pure mapping between WooCommerce's own REST API (wc/v3) and the unified order. Only the
 * fields the unified order needs are read; WooCommerce sends many more.
 */

const num = z.union([z.string(), z.number()]).transform((v) => String(v));
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '');
const Meta = z.object({ key: z.string(), value: z.unknown() });

const WcAddress = z.object({
  first_name: text,
  last_name: text,
  company: text,
  email: text,
  phone: text,
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  postcode: text,
  country: text,
});

export const WcOrderSchema = z.object({
  id: z.number().int().positive(),
  number: num,
  status: z.string(),
  currency: z.string(),
  date_created_gmt: z.string(),
  date_modified_gmt: z.string().nullable(),
  date_paid_gmt: z.string().nullish(),
  total: num,
  shipping_total: num,
  discount_total: num,
  total_tax: num,
  payment_method: text,
  payment_method_title: text,
  customer_note: text,
  billing: WcAddress,
  shipping: WcAddress.partial().default({}),
  line_items: z.array(
    z.object({
      id: z.number().int(),
      name: text,
      product_id: z.number().int().nullish(),
      variation_id: z.number().int().nullish(),
      quantity: z.number(),
      subtotal: num,
      total: num,
      sku: text,
      meta_data: z.array(Meta).default([]),
    }),
  ),
  shipping_lines: z
    .array(z.object({ method_id: text, method_title: text, total: num }))
    .default([]),
  meta_data: z.array(Meta).default([]),
});
export type WcOrder = z.infer<typeof WcOrderSchema>;

/** wc/v3 gives GMT times without a zone designator. */
export const gmtToMs = (s: string) => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`);
const cents = (s: string) => Math.round(Number(s) * 100);
const decimal = (minor: number) => (minor / 100).toFixed(2);

/** The cursor key of an order: (modification second, id), as the plugin feed orders them. */
export function keyOf(o: WcOrder): { modifiedAt: number; id: number } {
  return {
    modifiedAt: Math.floor(gmtToMs(o.date_modified_gmt ?? o.date_created_gmt) / 1000) * 1000,
    id: o.id,
  };
}

export function isAfter(k: { modifiedAt: number; id: number }, c: OrdersCursor): boolean {
  return k.modifiedAt > c.modifiedAt || (k.modifiedAt === c.modifiedAt && k.id > Number(c.afterId));
}

function address(a: Partial<Record<keyof UnifiedAddress, string>>): UnifiedAddress {
  return {
    first_name: a.first_name ?? '',
    last_name: a.last_name ?? '',
    company: a.company ?? '',
    email: a.email ?? '',
    phone: a.phone ?? '',
    address_1: a.address_1 ?? '',
    address_2: a.address_2 ?? '',
    city: a.city ?? '',
    state: a.state ?? '',
    postcode: a.postcode ?? '',
    country: a.country ?? '',
  };
}

export const PACKER_META = '_ecomdir_packer';
export const SHIPMENT_META = '_ecomdir_shipment';

const PackerMeta = z.object({
  packer_id: z.string(),
  packer_name: z.string(),
  assigned_at: z.string(),
  confirmed_at: z.string().nullable(),
});

export function packerMetaOf(o: WcOrder): z.infer<typeof PackerMeta> | null {
  const raw = o.meta_data.find((m) => m.key === PACKER_META)?.value;
  const parsed = PackerMeta.safeParse(typeof raw === 'string' ? safeJson(raw) : raw);
  return parsed.success ? parsed.data : null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export function toUnified(o: WcOrder): UnifiedOrder {
  const items = o.line_items.map((i) => {
    const qty = Math.trunc(i.quantity);
    return {
      id: i.id,
      product_id: i.product_id ?? 0,
      variation_id: i.variation_id ?? 0,
      sku: i.sku,
      name: i.name,
      quantity: qty,
      unit_price: decimal(qty ? Math.round(cents(i.subtotal) / qty) : 0),
      total: decimal(cents(i.total)),
      weight_kg: null,
      meta: i.meta_data
        .filter((m) => !m.key.startsWith('_'))
        .map((m) => ({
          key: m.key,
          value: typeof m.value === 'string' ? m.value : JSON.stringify(m.value),
        })),
    };
  });
  const p = packerMetaOf(o);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    created_at: isoSecond(gmtToMs(o.date_created_gmt)),
    modified_at: isoSecond(keyOf(o).modifiedAt),
    currency: o.currency,
    total: decimal(cents(o.total)),
    subtotal: decimal(o.line_items.reduce((s, i) => s + cents(i.subtotal), 0)),
    shipping_total: decimal(cents(o.shipping_total)),
    discount_total: decimal(cents(o.discount_total)),
    tax_total: decimal(cents(o.total_tax)),
    payment_method: o.payment_method,
    payment_method_title: o.payment_method_title,
    paid: Boolean(o.date_paid_gmt),
    customer_note: o.customer_note,
    billing: address(o.billing),
    shipping: address(o.shipping),
    items,
    shipping_lines: o.shipping_lines.map((l) => ({
      method_id: l.method_id,
      method_title: l.method_title,
      total: decimal(cents(l.total)),
    })),
    packer: p
      ? {
          id: p.packer_id,
          name: p.packer_name,
          assigned_at: p.assigned_at,
          confirmed_at: p.confirmed_at,
          locked: p.confirmed_at !== null,
        }
      : null,
    shipment: null,
  };
}

/** The same lock rule as the plugin: a confirmed assignment keeps its packer unless overridden. */
export function lockRefusal(
  o: WcOrder,
  a: AssignmentPush,
  overrideAllowed: boolean,
): string | null {
  const current = packerMetaOf(o);
  if (!current?.confirmed_at || current.packer_id === a.packerId) return null;
  if (a.override && overrideAllowed) return null;
  return `Order #${o.number} is confirmed by ${current.packer_name}; a different packer needs the owner override.`;
}

export function packerMeta(a: AssignmentPush) {
  return {
    packer_id: a.packerId,
    packer_name: a.packerName,
    assigned_at: isoSecond(a.assignedAt),
    confirmed_at: a.confirmedAt === null ? null : isoSecond(a.confirmedAt),
  };
}
