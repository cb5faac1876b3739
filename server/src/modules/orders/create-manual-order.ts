import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { toMinor } from '../../shared/money.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import { reason } from '../../shared/reasons.js';
import { insertOrderGraph, updateOrder } from './orders.repo.js';
import type { OrderCreate } from './orders.schema.js';
import { buildSearchText } from './search-text.js';

/** Payment methods that mean cash on delivery (ramburs), as WooCommerce and shops name them. */
export const COD_METHODS = new Set(['cod', 'ramburs', 'cash_on_delivery']);

/**
 * Called inside the transaction that creates (or, from a store sync, updates) an order,
 * e.g. automatic distribution. It must use `trx` only, and may throw to roll back.
 */
export type OrderSavedHook = (
  trx: Transaction<DB>,
  accountId: number,
  orderId: number,
) => Promise<void>;

/** A phone order typed in by the owner or a manager. Numbered M<id> unless a number is given. */
export async function createManualOrder(
  db: Kysely<DB>,
  accountId: number,
  input: OrderCreate,
  actor: Actor,
  onSaved?: OrderSavedHook,
): Promise<number> {
  const account = await db
    .selectFrom('accounts')
    .select('currency')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const billing = input.billing;
  const shipping = { ...billing, ...input.shipping };
  const items = input.items.map((i) => {
    const unit = toMinor(i.unit_price);
    return {
      external_id: null,
      product_id: null,
      variation_id: null,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      unit_price_minor: unit,
      total_minor: unit * i.quantity,
      weight_grams: i.weight_kg === null ? null : Math.round(i.weight_kg * 1000),
      meta: '{}',
    };
  });
  const subtotal = items.reduce((s, i) => s + i.total_minor, 0);
  const shippingTotal = toMinor(input.shipping_total);
  const discount = toMinor(input.discount_total);
  const now = Date.now();
  const customerName = `${billing.first_name} ${billing.last_name}`.trim();
  const searchParts = {
    names: [customerName, billing.company, `${shipping.first_name} ${shipping.last_name}`],
    email: billing.email,
    phone: billing.phone,
    skus: items.map((i) => i.sku),
  };

  return db.transaction().execute(async (trx) => {
    const number = input.number ?? `pending-${now}`;
    const id = await insertOrderGraph(
      trx,
      {
        account_id: accountId,
        store_id: null,
        external_id: null,
        number,
        status: 'new',
        store_status: 'manual',
        source: 'manual',
        created_at: now,
        modified_at: now,
        currency: input.currency ?? account.currency,
        total_minor: subtotal + shippingTotal - discount,
        subtotal_minor: subtotal,
        shipping_total_minor: shippingTotal,
        discount_total_minor: discount,
        tax_total_minor: 0,
        payment_method: input.payment_method,
        payment_method_title: input.payment_method_title ?? input.payment_method,
        is_cod: COD_METHODS.has(input.payment_method.toLowerCase()) ? 1 : 0,
        paid: input.paid ? 1 : 0,
        customer_note: input.customer_note,
        customer_name: customerName,
        customer_email: billing.email,
        customer_phone: billing.phone,
        shipping_city: shipping.city ?? billing.city,
        items_count: items.reduce((s, i) => s + i.quantity, 0),
        shipping_lines: JSON.stringify(
          shippingTotal
            ? [{ method_id: 'manual', method_title: 'Manual', total: input.shipping_total }]
            : [],
        ),
        packer_id: null,
        assigned_at: null,
        confirmed_at: null,
        search_text: '',
        updated_at: now,
      },
      [
        { kind: 'billing', ...billing },
        { kind: 'shipping', ...billing, ...shipping, email: shipping.email ?? billing.email },
      ],
      items,
    );
    const finalNumber = input.number ?? `M${await nextPhoneOrderNumber(trx, accountId)}`;
    await updateOrder(trx, accountId, id, {
      number: finalNumber,
      search_text: buildSearchText({ number: finalNumber, ...searchParts }),
    });
    await recordAudit(trx, {
      accountId,
      entity: 'order',
      entityId: id,
      action: 'created',
      actor,
      from: null,
      to: 'new',
      reason: reason('phone_order'),
      at: now,
    });
    await onSaved?.(trx, accountId, id);
    return id;
  });
}

/**
 * The account's next phone order number. One UPDATE … RETURNING: the row lock (PostgreSQL) or
 * the single writer (SQLite) makes two orders created at once get different numbers.
 */
async function nextPhoneOrderNumber(trx: Transaction<DB>, accountId: number): Promise<number> {
  const row = await trx
    .updateTable('accounts')
    .set((eb) => ({ phone_order_seq: eb('phone_order_seq', '+', 1) }))
    .where('id', '=', accountId)
    .returning('phone_order_seq')
    .executeTakeFirstOrThrow();
  return Number(row.phone_order_seq);
}
