import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { distributeInTransaction } from '../src/modules/distribution/engine.js';
import { DISTRIBUTION_ACTOR } from '../src/modules/distribution/distribution.service.js';
import { createEventBus } from '../src/modules/events/event-bus.js';
import { insertOrderGraph } from '../src/modules/orders/orders.repo.js';

/**
 * Seeds an account with packers, a store and 2 × n new orders on a fresh SQLite file, then
 * times the real engine: n orders in one distribution run, and n orders one transaction
 * each (the way the store sync hands them over as they arrive).
 */
export async function assignOnSqlite(
  n: number,
  packers: number,
  oneByOne = 1000,
): Promise<{ batchMs: number; oneByOneAvgMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-dist-bench-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  try {
    await migrateToLatest(database.db);
    const events = await createEventBus(database, null);
    const db = database.db;
    const now = Date.now();
    const account = await db
      .insertInto('accounts')
      .values({
        name: 'Bench',
        timezone: 'Europe/Bucharest',
        currency: 'RON',
        language: 'ro',
        station_code: 'bench',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const accountId = account.id;
    const store = await db
      .insertInto('stores')
      .values({
        account_id: accountId,
        name: 'Shop',
        platform: 'woocommerce',
        url: 'https://shop.example.ro',
        status: 'connected',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < packers; i++) {
      const user = await db
        .insertInto('users')
        .values({
          account_id: accountId,
          role: 'packer',
          name: `P${i}`,
          email: null,
          username: `bench-p${i}`,
          password_hash: 'x',
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('packers')
        .values({
          account_id: accountId,
          user_id: user.id,
          name: `P${i}`,
          active: 1,
          weight: 1 + (i % 5),
          max_open_orders: null,
          skills: i % 7 === 0 ? '["category:fragile"]' : '[]',
          allowed_store_ids: '[]',
          shifts: '{}',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const ids = await seedOrders(database.db, accountId, store.id, n + oneByOne);
    const batch = ids.slice(0, n);
    const single = ids.slice(n);
    const deps = { dialect: database.dialect, events };

    const t0 = performance.now();
    const r = await db
      .transaction()
      .execute((trx) =>
        distributeInTransaction(trx, deps, accountId, batch, 'auto', DISTRIBUTION_ACTOR),
      );
    const batchMs = Math.round(performance.now() - t0);
    if (r.assigned.length !== n)
      throw new Error(`expected ${n} assigned, got ${r.assigned.length}`);

    const t1 = performance.now();
    for (const id of single.slice(0, oneByOne)) {
      await db
        .transaction()
        .execute((trx) =>
          distributeInTransaction(trx, deps, accountId, [id], 'auto', DISTRIBUTION_ACTOR),
        );
    }
    const oneByOneAvgMs = oneByOne ? (performance.now() - t1) / oneByOne : 0;
    const written = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(written.n) !== n + oneByOne)
      throw new Error(`expected ${n + oneByOne} outbox jobs, got ${written.n}`);
    await events.close();
    return { batchMs, oneByOneAvgMs: Math.round(oneByOneAvgMs * 100) / 100 };
  } finally {
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function seedOrders(
  db: ReturnType<typeof openDatabase>['db'],
  accountId: number,
  storeId: number,
  n: number,
): Promise<number[]> {
  const ids: number[] = [];
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const id = await insertOrderGraph(
        trx,
        {
          account_id: accountId,
          store_id: storeId,
          external_id: String(i + 1),
          number: String(10_000 + i),
          status: 'new',
          store_status: 'processing',
          source: 'woocommerce',
          created_at: now + i,
          modified_at: now + i,
          currency: 'RON',
          total_minor: 5000 + (i % 50) * 1000,
          subtotal_minor: 5000,
          shipping_total_minor: 0,
          discount_total_minor: 0,
          tax_total_minor: 0,
          payment_method: 'cod',
          payment_method_title: 'Ramburs',
          is_cod: 1,
          paid: 0,
          customer_note: '',
          customer_name: 'Client',
          customer_email: '',
          customer_phone: '',
          shipping_city: 'Iași',
          items_count: 1,
          shipping_lines:
            '[{"method_id":"fan_courier","method_title":"FAN Courier","total":"15.00"}]',
          packer_id: null,
          assigned_at: null,
          confirmed_at: null,
          search_text: '',
          updated_at: now,
        },
        [],
        [
          {
            external_id: null,
            product_id: null,
            variation_id: null,
            sku: `TRC-${i % 300}`,
            name: 'Tricou',
            quantity: 1 + (i % 3),
            unit_price_minor: 5000,
            total_minor: 5000,
            weight_grams: null,
            meta: i % 40 === 0 ? '{"categories":["Fragile"]}' : '{}',
          },
        ],
      );
      ids.push(id);
    }
  });
  return ids;
}
