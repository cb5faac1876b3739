import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, OrderStatus } from '../../src/db/schema.js';

/**
 * History rows written straight into the tables, for the reports' tests: each figure a report
 * shows is then computed by hand from these rows. Timestamps are UTC ms chosen by the test.
 */
export function reportSeed(db: Kysely<DB>) {
  let seq = 0;
  const self = {
    async account(name = 'Shop'): Promise<number> {
      const a = await db
        .insertInto('accounts')
        .values({
          name,
          timezone: 'Europe/Bucharest',
          currency: 'RON',
          language: 'ro',
          created_at: 0,
          updated_at: 0,
          station_code: `rep-${randomUUID()}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return a.id;
    },
    async store(accountId: number, name: string): Promise<number> {
      const s = await db
        .insertInto('stores')
        .values({
          account_id: accountId,
          name,
          platform: 'woocommerce',
          url: `https://${name.toLowerCase()}.test`,
          url_key: `${name.toLowerCase()}.test`,
          status: 'active',
          created_at: 0,
          updated_at: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return s.id;
    },
    async packer(accountId: number, name: string): Promise<number> {
      const u = await db
        .insertInto('users')
        .values({
          account_id: accountId,
          role: 'packer',
          name,
          email: null,
          username: `${name.toLowerCase()}-${++seq}`,
          password_hash: 'x',
          active: 1,
          created_at: 0,
          updated_at: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const p = await db
        .insertInto('packers')
        .values({
          account_id: accountId,
          user_id: u.id,
          name,
          active: 1,
          weight: 1,
          max_open_orders: null,
          skills: '[]',
          allowed_store_ids: '[]',
          shifts: '{}',
          created_at: 0,
          updated_at: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return p.id;
    },
    async order(
      accountId: number,
      o: { storeId: number | null; createdAt: number; status?: OrderStatus },
    ): Promise<number> {
      const n = ++seq;
      const r = await db
        .insertInto('orders')
        .values({
          account_id: accountId,
          store_id: o.storeId,
          external_id: o.storeId === null ? null : `ext-${n}`,
          number: `R${n}`,
          status: o.status ?? 'new',
          store_status: 'processing',
          source: o.storeId === null ? 'manual' : 'store',
          created_at: o.createdAt,
          modified_at: o.createdAt,
          currency: 'RON',
          total_minor: 0,
          subtotal_minor: 0,
          shipping_total_minor: 0,
          discount_total_minor: 0,
          tax_total_minor: 0,
          payment_method: 'cod',
          payment_method_title: 'Ramburs',
          is_cod: 1,
          paid: 0,
          customer_note: '',
          customer_name: 'Ana',
          customer_email: '',
          customer_phone: '',
          shipping_city: 'Cluj',
          items_count: 1,
          shipping_lines: '[]',
          packer_id: null,
          assigned_at: null,
          confirmed_at: null,
          search_text: '',
          updated_at: o.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async assignment(
      accountId: number,
      a: { orderId: number; packerId: number; assignedAt: number; packedAt?: number },
    ): Promise<void> {
      await db
        .insertInto('assignments')
        .values({
          account_id: accountId,
          order_id: a.orderId,
          packer_id: a.packerId,
          assigned_at: a.assignedAt,
          confirmed_at: a.packedAt ?? null,
          ended_at: null,
          assigned_by: null,
          reason_code: null,
          reason_params: null,
          override: 0,
          packed_at: a.packedAt ?? null,
        })
        .execute();
    },
    async shipment(
      accountId: number,
      s: {
        orderId: number;
        courier: string;
        createdAt: number;
        cod: number | null;
        phase?: 'made' | 'cancelled';
        status?: string;
        attempt?: number;
        /** Tracking events [status, occurred_at]. */
        events?: Array<[string, number]>;
      },
    ): Promise<number> {
      const n = ++seq;
      const attempt = s.attempt ?? 1;
      const r = await db
        .insertInto('shipments')
        .values({
          account_id: accountId,
          order_id: s.orderId,
          store_id: null,
          courier: s.courier,
          service: 'std',
          attempt,
          idempotency_key: `${s.orderId}-${attempt}`,
          phase: s.phase ?? 'made',
          awb: `AWB${n}`,
          status: s.status ?? 'created',
          tracking_token: randomUUID(),
          currency: 'RON',
          cod_minor: s.cod,
          declared_value_minor: 0,
          parcels: 1,
          weight_grams: 1000,
          sender: '{}',
          recipient: '{}',
          reason_code: 'shipping_default',
          order_status_before: 'packed',
          created_at: s.createdAt,
          updated_at: s.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [status, at] of [
        ['created', s.createdAt] as [string, number],
        ...(s.events ?? []),
      ])
        await db
          .insertInto('shipment_events')
          .values({
            account_id: accountId,
            shipment_id: r.id,
            status,
            courier_code: status,
            courier_text: status,
            occurred_at: at,
            created_at: at,
          })
          .execute();
      return r.id;
    },
    /** An order's audit event (e.g. 'status_changed' to 'cancelled', 'shipped'). */
    async audit(
      accountId: number,
      e: { orderId: number; action: string; from?: string; to?: string; at: number },
    ): Promise<void> {
      await db
        .insertInto('audit_events')
        .values({
          account_id: accountId,
          entity: 'order',
          entity_id: e.orderId,
          action: e.action,
          actor_label: 'test',
          from_value: e.from ?? null,
          to_value: e.to ?? null,
          created_at: e.at,
        })
        .execute();
    },
  };
  return self;
}
