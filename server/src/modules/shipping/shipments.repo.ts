import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, ShipmentsTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** How long one request may talk to the courier for a reserved shipment before another may. */
export const CLAIM_MS = 60_000;

export async function latestShipment(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('shipments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .orderBy('attempt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findShipment(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('shipments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findShipments(db: Db, accountId: number, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('shipments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
}

export async function shipmentsOfOrder(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('shipments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .orderBy('attempt', 'asc')
    .execute();
}

/** Reserves an attempt; null when another request reserved the same attempt first. */
export async function reserveShipment(
  db: Db,
  row: Insertable<ShipmentsTable>,
): Promise<number | null> {
  const r = await db
    .insertInto('shipments')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Takes a pending shipment for one caller; false when someone else holds it. */
export async function claimPending(db: Db, id: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('shipments')
    .set({ claim_until: now + CLAIM_MS, updated_at: now })
    .where('id', '=', id)
    .where('phase', '=', 'pending')
    .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countCourierCall(db: Db, id: number): Promise<void> {
  await db
    .updateTable('shipments')
    .set((eb) => ({ courier_calls: eb('courier_calls', '+', 1), updated_at: Date.now() }))
    .where('id', '=', id)
    .execute();
}

/** Leaves the shipment pending (the courier's answer is unknown or "later") for a retry. */
export async function releasePending(db: Db, id: number, messages: unknown[]): Promise<void> {
  await db
    .updateTable('shipments')
    .set({ claim_until: null, messages: JSON.stringify(messages), updated_at: Date.now() })
    .where('id', '=', id)
    .where('phase', '=', 'pending')
    .execute();
}

export async function markFailed(db: Db, id: number, messages: unknown[]): Promise<void> {
  await db
    .updateTable('shipments')
    .set({
      phase: 'failed',
      claim_until: null,
      messages: JSON.stringify(messages),
      updated_at: Date.now(),
    })
    .where('id', '=', id)
    .where('phase', '=', 'pending')
    .execute();
}

export async function insertShipmentEvent(
  db: Db,
  e: {
    accountId: number;
    shipmentId: number;
    status: string;
    code: string;
    text: string;
    actor: string;
    at: number;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('shipment_events')
    .values({
      account_id: e.accountId,
      shipment_id: e.shipmentId,
      status: e.status,
      courier_code: e.code,
      courier_text: e.text.slice(0, 500),
      actor_label: e.actor,
      occurred_at: e.at,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function shipmentEvents(db: Db, accountId: number, shipmentIds: number[]) {
  if (!shipmentIds.length) return [];
  return db
    .selectFrom('shipment_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('shipment_id', 'in', shipmentIds)
    .orderBy('occurred_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}
