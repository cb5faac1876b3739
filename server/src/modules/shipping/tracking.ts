import type { Kysely, Transaction } from 'kysely';
import type { DB, OrderStatus, ShipmentRow } from '../../db/schema.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import { compactEvent, type EventBus } from '../events/event-bus.js';
import { FINAL_STATUSES, type ShipmentStatus, type TrackingEvent } from './couriers/courier.js';
import * as repo from './shipments.repo.js';
import { reason } from '../../shared/reasons.js';

/** The order's status that a shipment's status brings, when it brings one. */
export function orderStatusFor(s: ShipmentStatus): OrderStatus | null {
  if (s === 'delivered') return 'delivered';
  if (s === 'returned') return 'returned';
  return null;
}

/**
 * Records tracking events (ones already stored are skipped), sets the shipment's status to the
 * newest event's, stops tracking at a final status, and moves the order from `shipped` to
 * `delivered` or `returned`. Returns whether anything new was recorded.
 */
export async function applyTrackingEvents(
  trx: Transaction<DB>,
  events: EventBus,
  row: ShipmentRow,
  found: Pick<TrackingEvent, 'status' | 'code' | 'text' | 'at'>[],
  actor: Actor,
): Promise<boolean> {
  let added = 0;
  for (const e of found) {
    if (
      await repo.insertShipmentEvent(trx, {
        accountId: row.account_id,
        shipmentId: row.id,
        status: e.status,
        code: e.code,
        text: e.text,
        actor: actor.label,
        at: e.at,
      })
    )
      added++;
  }
  if (!added) return false;
  const newest = await trx
    .selectFrom('shipment_events')
    .select('status')
    .where('account_id', '=', row.account_id)
    .where('shipment_id', '=', row.id)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const status = newest.status as ShipmentStatus;
  const now = Date.now();
  await trx
    .updateTable('shipments')
    .set({
      status,
      ...(FINAL_STATUSES.has(status) && { next_track_at: null }),
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  const to = orderStatusFor(status);
  if (to) await moveOrder(trx, events, row, 'shipped', to, actor, now);
  return true;
}

/** Moves the order when it is in `from`; an audit row and a live update when it moved. */
export async function moveOrder(
  trx: Transaction<DB>,
  events: EventBus,
  row: Pick<ShipmentRow, 'account_id' | 'order_id' | 'awb'>,
  from: OrderStatus,
  to: OrderStatus,
  actor: Actor,
  now: number,
): Promise<void> {
  const moved = await trx
    .updateTable('orders')
    .set({ status: to, updated_at: now })
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.order_id)
    .where('status', '=', from)
    .returning('packer_id')
    .executeTakeFirst();
  if (!moved) return;
  await recordAudit(trx, {
    accountId: row.account_id,
    entity: 'order',
    entityId: row.order_id,
    action: 'shipment_status',
    actor,
    from,
    to,
    reason: reason('awb_tracking', { awb: row.awb ?? '' }),
    at: now,
  });
  await events.publish(trx, compactEvent(row.account_id, [row.order_id], [moved.packer_id]));
}

/** Shipments whose courier should be asked now, oldest due first. */
export async function dueForTracking(db: Kysely<DB>, now: number, limit: number) {
  return db
    .selectFrom('shipments')
    .select(['id', 'account_id', 'store_id'])
    .where('next_track_at', '<=', now)
    .where('phase', '=', 'made')
    .orderBy('next_track_at')
    .limit(limit)
    .execute();
}
