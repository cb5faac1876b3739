import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { JobPayloads } from '../../jobs/job-kinds.js';
import { type Outcome, StoreUnreachable } from '../connectors/connector.js';
import type { StoreConnections } from '../stores/store-connections.js';
import { findStore, recordStoreError } from '../stores/stores.repo.js';
import { markDeletedInStore } from './sync.repo.js';

/**
 * The outbox jobs that write ecomdir's decisions back to the store. Both read the order's
 * current state when they run (not the state when enqueued), so a late or repeated job
 * writes the truth, and the plugin's endpoints are idempotent. A refusal by the store (the
 * packer lock) is kept on the order and in its audit trail; an unreachable store throws so
 * the job is retried with backoff.
 */
export class StoreWriteback {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly connections: StoreConnections,
  ) {}

  async pushAssignment(p: JobPayloads['store.push_assignment']): Promise<void> {
    const o = await this.db
      .selectFrom('orders as o')
      .leftJoin('packers as p', 'p.id', 'o.packer_id')
      .select([
        'o.id',
        'o.account_id',
        'o.store_id',
        'o.external_id',
        'o.packer_id',
        'o.assigned_at',
        'o.confirmed_at',
        'p.name as packer_name',
      ])
      .where('o.id', '=', p.order_id)
      .executeTakeFirst();
    // Phone orders have no store; an unassigned order has nothing to write (contract v1).
    if (!o?.store_id || !o.external_id || o.packer_id === null) return;
    const last = await this.db
      .selectFrom('assignments')
      .select('override')
      .where('order_id', '=', o.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const override = p.override ?? last?.override === 1;
    await this.push(o, (conn) =>
      conn.pushAssignment(o.external_id ?? '', {
        packerId: String(o.packer_id),
        packerName: o.packer_name ?? '',
        assignedAt: o.assigned_at ?? Date.now(),
        confirmedAt: o.confirmed_at,
        override,
      }),
    );
  }

  async pushShipment(p: JobPayloads['store.push_shipment']): Promise<void> {
    const o = await this.db
      .selectFrom('orders')
      .select(['id', 'account_id', 'store_id', 'external_id'])
      .where('id', '=', p.order_id)
      .executeTakeFirst();
    if (!o?.store_id || !o.external_id) return;
    await this.push(o, (conn) =>
      conn.pushShipment(o.external_id ?? '', {
        courier: p.courier,
        awb: p.awb,
        trackingUrl: p.tracking_url,
        labelUrl: p.label_url ?? null,
      }),
    );
  }

  private async push(
    o: { id: number; account_id: number; store_id: number | null },
    send: (conn: ReturnType<StoreConnections['of']>) => Promise<Outcome<null>>,
  ): Promise<void> {
    const store = o.store_id === null ? undefined : await findStore(this.db, o.store_id);
    if (!store?.credentials) return;
    let r: Outcome<null>;
    try {
      r = await send(this.connections.of(store));
    } catch (err) {
      if (err instanceof StoreUnreachable)
        await recordStoreError(this.db, store.id, err.code, err.message, Date.now());
      throw err;
    }
    const now = Date.now();
    if (r.ok) {
      await this.db
        .updateTable('orders')
        .set({ store_push_error: null, store_push_error_at: null })
        .where('id', '=', o.id)
        .where('store_push_error', 'is not', null)
        .execute();
      return;
    }
    const m = r.messages[0] ?? { code: 'store_refused', message: 'The store refused.' };
    await this.db.transaction().execute(async (trx) => {
      if (m.code === 'ecomdir_order_not_found')
        return markDeletedInStore(trx, o.account_id, o.id, now);
      if (m.code === 'credentials_rejected')
        await recordStoreError(trx, store.id, m.code, m.message, now);
      await trx
        .updateTable('orders')
        .set({ store_push_error: `${m.code}: ${m.message}`, store_push_error_at: now })
        .where('id', '=', o.id)
        .execute();
      await trx
        .insertInto('audit_events')
        .values({
          account_id: o.account_id,
          entity: 'order',
          entity_id: o.id,
          action: 'store_refused',
          actor_user_id: null,
          actor_label: 'store',
          from_value: null,
          to_value: m.code,
          reason: m.message,
          created_at: now,
        })
        .execute();
    });
  }
}
