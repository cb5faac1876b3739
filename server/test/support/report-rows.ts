import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { EMPTY_SCHEDULE, type WeeklySchedule } from '../../src/modules/packers/packers.schema.js';

/**
 * Rows written straight into the tables a report reads, for tests whose figures are computed
 * by hand: every instant is given by the test, nothing is derived by the code under test.
 */
export class ReportRows {
  private seq = 0;
  constructor(
    readonly db: Kysely<DB>,
    readonly accountId: number,
  ) {}

  static async account(db: Kysely<DB>, timeZone = 'Europe/Bucharest'): Promise<ReportRows> {
    const now = Date.UTC(2026, 9, 1);
    const a = await db
      .insertInto('accounts')
      .values({
        name: 'Raport SRL',
        timezone: timeZone,
        currency: 'RON',
        language: 'ro',
        created_at: now,
        updated_at: now,
        station_code: `rep${Math.random().toString(36).slice(2, 8)}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return new ReportRows(db, Number(a.id));
  }

  private next(): number {
    this.seq += 1;
    return this.seq;
  }

  async packer(name: string, o: { shifts?: WeeklySchedule; active?: boolean } = {}) {
    const n = this.next();
    const user = await this.db
      .insertInto('users')
      .values({
        account_id: this.accountId,
        role: 'packer',
        name,
        email: null,
        username: `${name.toLowerCase()}${n}`,
        password_hash: 'x',
        active: 1,
        created_at: 0,
        updated_at: 0,
        locked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const p = await this.db
      .insertInto('packers')
      .values({
        account_id: this.accountId,
        user_id: user.id,
        name,
        active: o.active === false ? 0 : 1,
        weight: 1,
        max_open_orders: null,
        skills: '[]',
        allowed_store_ids: '[]',
        shifts: JSON.stringify(o.shifts ?? EMPTY_SCHEDULE),
        created_at: 0,
        updated_at: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(p.id);
  }

  async store(name: string): Promise<number> {
    const s = await this.db
      .insertInto('stores')
      .values({
        account_id: this.accountId,
        name,
        platform: 'woocommerce',
        url: `https://${name.toLowerCase()}${this.next()}.example.ro`,
        status: 'connected',
        created_at: 0,
        updated_at: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(s.id);
  }

  async order(o: { storeId: number | null; items: number; createdAt: number }): Promise<number> {
    const n = this.next();
    const r = await this.db
      .insertInto('orders')
      .values({
        account_id: this.accountId,
        store_id: o.storeId,
        external_id: o.storeId === null ? null : String(n),
        number: `R${n}`,
        status: 'packed',
        store_status: 'processing',
        source: 'manual',
        created_at: o.createdAt,
        modified_at: o.createdAt,
        currency: 'RON',
        total_minor: 10_000,
        subtotal_minor: 10_000,
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
        items_count: o.items,
        shipping_lines: '[]',
        packer_id: null,
        assigned_at: null,
        confirmed_at: null,
        search_text: '',
        updated_at: o.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async assignment(a: {
    orderId: number;
    packerId: number;
    assigned: number;
    confirmed?: number;
    packed?: number;
    ended?: number;
    override?: boolean;
    confirmWorkMs?: number;
    packWorkMs?: number;
  }): Promise<number> {
    const r = await this.db
      .insertInto('assignments')
      .values({
        account_id: this.accountId,
        order_id: a.orderId,
        packer_id: a.packerId,
        assigned_at: a.assigned,
        confirmed_at: a.confirmed ?? null,
        ended_at: a.ended ?? null,
        assigned_by: null,
        reason_code: null,
        reason_params: null,
        override: a.override ? 1 : 0,
        packed_at: a.packed ?? null,
        confirm_work_ms: a.confirmWorkMs ?? null,
        pack_work_ms: a.packWorkMs ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async shipment(s: {
    orderId: number;
    storeId: number | null;
    courier: string;
    phase: 'pending' | 'made' | 'failed' | 'cancelled';
    at: number;
  }): Promise<number> {
    const n = this.next();
    const r = await this.db
      .insertInto('shipments')
      .values({
        account_id: this.accountId,
        order_id: s.orderId,
        store_id: s.storeId,
        courier: s.courier,
        service: 'standard',
        attempt: n,
        idempotency_key: `${s.orderId}-${n}`,
        phase: s.phase,
        claim_until: null,
        awb: s.phase === 'made' || s.phase === 'cancelled' ? `AWB${n}` : null,
        status: null,
        tracking_token: `tok${this.accountId}-${n}`,
        tracking_url: null,
        currency: 'RON',
        cod_minor: null,
        declared_value_minor: 10_000,
        parcels: 1,
        weight_grams: 1000,
        sender: '{}',
        recipient: '{}',
        reason_code: 'test',
        order_status_before: 'packed',
        next_track_at: null,
        created_at: s.at,
        updated_at: s.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async mismatch(orderId: number, packerId: number, at: number): Promise<void> {
    await this.db
      .insertInto('scan_mismatches')
      .values({
        account_id: this.accountId,
        order_id: orderId,
        packer_id: packerId,
        order_item_id: null,
        code: 'WRONG-1',
        kind: 'wrong_item',
        created_at: at,
      })
      .execute();
  }

  /** A penalty with its ledger: `states` in order, the first at `at`, then a minute apart. */
  async penalty(p: {
    packerId: number;
    orderId: number | null;
    amount: number;
    at: number;
    states: string[];
  }): Promise<number> {
    const type = await this.db
      .insertInto('penalty_types')
      .values({
        account_id: this.accountId,
        code: null,
        name: `Tip ${this.next()}`,
        default_amount_minor: p.amount,
        created_at: 0,
        updated_at: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await this.db
      .insertInto('penalties')
      .values({
        account_id: this.accountId,
        packer_id: p.packerId,
        order_id: p.orderId,
        type_id: type.id,
        amount_minor: p.amount,
        currency: 'RON',
        rule: null,
        event_kind: null,
        event_id: null,
        rule_key: null,
        created_by_user_id: null,
        created_by_label: 'test',
        created_at: p.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, state] of p.states.entries())
      await this.db
        .insertInto('penalty_entries')
        .values({
          account_id: this.accountId,
          penalty_id: r.id,
          seq: i + 1,
          state,
          reason_code: null,
          reason_params: null,
          comment: null,
          actor_user_id: null,
          actor_label: 'test',
          actor_role: 'owner',
          created_at: p.at + i * 60_000,
        })
        .execute();
    return Number(r.id);
  }
}
