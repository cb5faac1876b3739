import type { App } from '../../src/http/app.js';
import { insertOrderGraph } from '../../src/modules/orders/orders.repo.js';

let seq = 0;

/** A connected store row, as the store connection would leave it. */
export async function insertStore(
  app: App,
  accountId: number,
  name = 'Magazin Online',
): Promise<number> {
  seq += 1;
  const now = Date.now();
  const row = await app.database.db
    .insertInto('stores')
    .values({
      account_id: accountId,
      name,
      platform: 'woocommerce',
      url: `https://shop${seq}-${now}.example.ro`,
      status: 'connected',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoreOrderInput {
  storeStatus?: string;
  items?: { sku: string; quantity?: number; meta?: Record<string, unknown> }[];
  totalMinor?: number;
  shippingMethod?: string;
}

/**
 * An order as the store sync stores it, then handed to distribution in the same transaction
 * (what the sync's upsert does).
 */
export async function insertStoreOrder(
  app: App,
  accountId: number,
  storeId: number | null,
  input: StoreOrderInput = {},
): Promise<number> {
  seq += 1;
  const now = Date.now();
  const items = input.items ?? [{ sku: 'TRC-001' }];
  return app.database.db.transaction().execute(async (trx) => {
    const id = await insertOrderGraph(
      trx,
      {
        account_id: accountId,
        store_id: storeId,
        external_id: storeId === null ? null : String(1000 + seq),
        number: String(1000 + seq),
        status: 'new',
        store_status: input.storeStatus ?? 'processing',
        source: storeId === null ? 'manual' : 'woocommerce',
        created_at: now,
        modified_at: now,
        currency: 'RON',
        total_minor: input.totalMinor ?? 10_000,
        subtotal_minor: input.totalMinor ?? 10_000,
        shipping_total_minor: 0,
        discount_total_minor: 0,
        tax_total_minor: 0,
        payment_method: 'cod',
        payment_method_title: 'Ramburs',
        is_cod: 1,
        paid: 0,
        customer_note: '',
        customer_name: 'Maria Popescu',
        customer_email: 'maria@example.ro',
        customer_phone: '0722123456',
        shipping_city: 'Cluj-Napoca',
        items_count: items.reduce((s, i) => s + (i.quantity ?? 1), 0),
        shipping_lines: JSON.stringify([
          {
            method_id: input.shippingMethod ?? 'fan_courier',
            method_title: 'FAN Courier',
            total: '15.00',
          },
        ]),
        packer_id: null,
        assigned_at: null,
        confirmed_at: null,
        search_text: '',
        updated_at: now,
      },
      [],
      items.map((i) => ({
        external_id: null,
        product_id: null,
        variation_id: null,
        sku: i.sku,
        name: `Produs ${i.sku}`,
        quantity: i.quantity ?? 1,
        unit_price_minor: 1000,
        total_minor: 1000 * (i.quantity ?? 1),
        weight_grams: null,
        meta: JSON.stringify(i.meta ?? {}),
      })),
    );
    await app.services.distribution.onOrderSaved(trx, accountId, id);
    return id;
  });
}

export async function currentAssignments(app: App, orderId: number) {
  return app.database.db
    .selectFrom('assignments')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('ended_at', 'is', null)
    .execute();
}
