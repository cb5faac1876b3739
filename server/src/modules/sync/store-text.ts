import type { UnifiedOrder } from '../connectors/unified-order.js';
import type { OrderRows } from './order-rows.js';

/**
 * Store data is cleaned before it is stored: PostgreSQL refuses NUL (U+0000) in text, and a
 * lone UTF-16 surrogate cannot be written as UTF-8 (the driver would silently turn it into
 * U+FFFD on one database and keep it on the other). One such character in one order's note
 * must not stop a store's sync, so both are removed or replaced here, and the order's history
 * records which fields were cleaned.
 */
// Matches NUL and any surrogate; a well-formed pair (an emoji) is checked precisely below.
// (Built from a string: the lint rule against control characters in regex literals is right
// everywhere else.)
const SUSPECT = new RegExp(`[${String.fromCharCode(0)}\uD800-\uDFFF]`);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  if (!SUSPECT.test(s)) return s;
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

const needsCleaning = (s: string) => SUSPECT.test(s) && cleanText(s) !== s;

/**
 * The order with every string cleaned, and the paths of the fields that changed (empty:
 * the very same object is returned, so the usual case allocates nothing).
 */
export function cleanOrder(u: UnifiedOrder): { order: UnifiedOrder; fields: string[] } {
  const fields: string[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      if (!needsCleaning(v)) return v;
      fields.push(path);
      return cleanText(v);
    }
    if (Array.isArray(v)) {
      const xs = v as unknown[];
      let copy: unknown[] | null = null;
      xs.forEach((x, i) => {
        const y = walk(x, `${path}[${i}]`);
        if (y !== x) (copy ??= [...xs])[i] = y;
      });
      return copy ?? v;
    }
    if (v !== null && typeof v === 'object') {
      let copy: Record<string, unknown> | null = null;
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x, path ? `${path}.${k}` : k);
        if (y !== x) (copy ??= { ...(v as Record<string, unknown>) })[k] = y;
      }
      return copy ?? v;
    }
    return v;
  };
  const order = walk(u, '') as UnifiedOrder;
  return { order, fields };
}

const INT32 = 2_147_483_647;
const inInt32 = (n: number | null) => n === null || (Number.isInteger(n) && Math.abs(n) <= INT32);
const inInt64 = (n: number) => Number.isSafeInteger(n);

/**
 * Why these rows cannot be stored on both databases, or null. The columns are `integer`
 * (32-bit on PostgreSQL, not on SQLite) or `bigint`; checking here keeps the two databases
 * alike and names the problem instead of failing the whole page.
 */
export function unstorable(r: OrderRows): { code: string; field: string } | null {
  const o = r.order;
  for (const k of [
    'created_at',
    'modified_at',
    'total_minor',
    'subtotal_minor',
    'shipping_total_minor',
    'discount_total_minor',
    'tax_total_minor',
  ] as const)
    if (!inInt64(o[k])) return { code: 'value_out_of_range', field: k };
  for (const [i, it] of r.items.entries()) {
    if (!inInt32(it.quantity)) return { code: 'value_out_of_range', field: `items[${i}].quantity` };
    if (!inInt32(it.weight_grams ?? null))
      return { code: 'value_out_of_range', field: `items[${i}].weight_kg` };
    if (!inInt64(it.unit_price_minor) || !inInt64(it.total_minor))
      return { code: 'value_out_of_range', field: `items[${i}].total` };
  }
  if (!inInt32(o.items_count)) return { code: 'value_out_of_range', field: 'items_count' };
  return null;
}
