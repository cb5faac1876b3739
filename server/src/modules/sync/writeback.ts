import type { Kysely } from 'kysely';
import { reason, reasonColumns } from '../../shared/reasons.js';
import type { DB } from '../../db/schema.js';
import { compactEvent, type EventBus } from '../events/event-bus.js';
import type { JobPayloads } from '../../jobs/job-kinds.js';
import { type Outcome, type StoreMessage, StoreUnreachable } from '../connectors/connector.js';
import type { StoreConnections } from '../stores/store-connections.js';
import { findStore, recordStoreError } from '../stores/stores.repo.js';
import { TRANSIENT_REFUSALS } from './push-retry.js';
import type { ChangedOrdersHook } from './sync.service.js';
import { markDeletedInStore } from './sync.repo.js';

/**
 * Thrown when a write-back must wait (the store is unreachable, paused, or refuses the
 * credentials): the job is retried with backoff until it lands or the store is removed.
 * The message names the order by its store number (shown in the dead-jobs list and logs).
 */
export class PushWaiting extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type PushedOrder = { id: number; account_id: number; store_id: number | null; number: string };

/**
 * The outbox jobs that write ecomdir's decisions back to the store. Both read the order's
 * current state when they run (not the state when enqueued), so a late or repeated job
 * writes the truth, and the plugin's endpoints are idempotent. Transient and credential
 * failures wait and retry (the order shows that it waits); a refusal of the request itself
 * (the packer lock) is kept on the order and in its audit trail, for the owner to Retry.
 */
export class StoreWriteback {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly connections: StoreConnections,
    private readonly afterChanges: ChangedOrdersHook = () => Promise.resolve(),
    /** Announces what the order page shows of the store (refused, waiting, landed) live. */
    private readonly events: EventBus | null = null,
  ) {}

  /** The owner watching the order sees the store's answer without reloading. */
  private async announce(db: Parameters<EventBus['publish']>[0], o: PushedOrder): Promise<void> {
    await this.events?.publish(db, compactEvent(o.account_id, [o.id], []));
  }

  async pushAssignment(p: JobPayloads['store.push_assignment']): Promise<void> {
    const o = await this.db
      .selectFrom('orders as o')
      .leftJoin('packers as p', 'p.id', 'o.packer_id')
      .select([
        'o.id',
        'o.account_id',
        'o.store_id',
        'o.external_id',
        'o.number',
        'o.packer_id',
        'o.assigned_at',
        'o.confirmed_at',
        'p.name as packer_name',
      ])
      .where('o.id', '=', p.order_id)
      .executeTakeFirst();
    // Phone orders have no store; an unassigned order has nothing to write (contract v1).
    if (!o?.store_id || !o.external_id || o.packer_id === null) return;
    // Whether the current assignment is an owner override: the current state, whatever the
    // payload said when the job was queued (a later change may have replaced it).
    const last = await this.db
      .selectFrom('assignments')
      .select('override')
      .where('order_id', '=', o.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const override = last ? last.override === 1 : (p.override ?? false);
    await this.push('assignment', o, (conn) =>
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
      .select(['id', 'account_id', 'store_id', 'external_id', 'number'])
      .where('id', '=', p.order_id)
      .executeTakeFirst();
    if (!o?.store_id || !o.external_id) return;
    await this.push('shipment', o, (conn) =>
      conn.pushShipment(o.external_id ?? '', {
        courier: p.courier,
        awb: p.awb,
        trackingUrl: p.tracking_url,
        labelUrl: p.label_url ?? null,
      }),
    );
  }

  private async push(
    kind: 'assignment' | 'shipment',
    o: PushedOrder,
    send: (conn: ReturnType<StoreConnections['of']>) => Promise<Outcome<null>>,
  ): Promise<void> {
    const store = o.store_id === null ? undefined : await findStore(this.db, o.store_id);
    // A removed store (or one without a credential) has nobody to write to: nothing waits.
    if (!store?.credentials || store.status === 'removed') return;
    if (store.status !== 'connected') {
      // Paused (credentials kept being refused) or disconnected: wait for the reconnect.
      await this.noteWaiting(o, {
        code: 'store_paused',
        message: `The store is ${store.status}.`,
      });
      throw new PushWaiting('store_paused', `Order #${o.number}: the store is ${store.status}.`);
    }
    let r: Outcome<null>;
    try {
      r = await send(this.connections.of(store));
    } catch (err) {
      if (err instanceof StoreUnreachable) {
        const now = Date.now();
        await recordStoreError(this.db, store.id, err.code, err.message, now);
        await this.noteWaiting(o, { code: err.code, message: err.message });
        throw new PushWaiting(err.code, `Order #${o.number}: ${err.message}`);
      }
      throw err;
    }
    const now = Date.now();
    if (r.ok) {
      // Landed: the store holds ecomdir's state now (for a packer push, also no divergence).
      const cleared = await this.db
        .updateTable('orders')
        .set({
          store_push_error: null,
          store_push_error_at: null,
          ...(kind === 'assignment' && { store_divergence: null, store_divergence_at: null }),
        })
        .where('id', '=', o.id)
        .where((eb) =>
          eb.or([eb('store_push_error', 'is not', null), eb('store_divergence', 'is not', null)]),
        )
        .executeTakeFirst();
      if (Number(cleared.numUpdatedRows) > 0) await this.announce(this.db, o);
      return;
    }
    const m = r.messages[0] ?? { code: 'store_refused', message: 'The store refused.' };
    const waiting = waitingCode(m);
    if (waiting) {
      if (waiting === 'credentials_rejected')
        await recordStoreError(this.db, store.id, waiting, m.message, now);
      await this.noteWaiting(o, { code: waiting, message: m.message });
      throw new PushWaiting(waiting, `Order #${o.number}: the store answered ${m.code}.`);
    }
    await this.db.transaction().execute(async (trx) => {
      if (m.code === 'ecomdir_order_not_found') {
        const moved = await markDeletedInStore(trx, o.account_id, o.id, now);
        if (moved)
          await this.afterChanges(trx, o.account_id, { moved: [moved], maybeDistributable: [] });
        return;
      }
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
          ...reasonColumns(reason('store_message', { text: m.message })),
          created_at: now,
        })
        .execute();
      await this.announce(trx, o);
    });
  }

  /** The order shows that its write-back waits, and why (once: a repeat changes nothing). */
  private async noteWaiting(o: PushedOrder, m: Pick<StoreMessage, 'code' | 'message'>) {
    const text = `${m.code}: ${m.message}`.slice(0, 500);
    const noted = await this.db
      .updateTable('orders')
      .set({ store_push_error: text, store_push_error_at: Date.now() })
      .where('id', '=', o.id)
      .where((eb) =>
        eb.or([eb('store_push_error', 'is', null), eb('store_push_error', '!=', text)]),
      )
      .executeTakeFirst();
    if (Number(noted.numUpdatedRows) > 0) await this.announce(this.db, o);
  }
}

/**
 * Not a refusal of the request itself but "not now" (the store is down, overloaded, or
 * locked us out): the code the order shows while the push waits, or null.
 */
function waitingCode(m: StoreMessage): string | null {
  if (TRANSIENT_REFUSALS.has(m.code)) return m.code;
  const status = m.httpStatus ?? 0;
  if (status >= 500) return 'server_error';
  if (status === 429 || status === 408) return 'too_many_requests';
  return null;
}
