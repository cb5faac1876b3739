import type { Kysely } from 'kysely';
import type { DB, OrderStatus } from '../../db/schema.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import { endCurrentAssignment, insertAssignment } from './orders.repo.js';
import { requireActivePacker } from '../packers/active-packer.js';
import { notIndexed } from '../../db/not-indexed.js';
import { handReason } from '../../shared/reasons.js';

export interface AssignResult {
  updated: number[];
  skipped: { id: number; code: string; message: string }[];
}

/** Statuses in which an order may be given to (or taken from) a packer by hand. */
const ASSIGNABLE: ReadonlySet<OrderStatus> = new Set(['new', 'assigned']);

/**
 * Assigns orders to a packer by hand (or unassigns with packerId null). A confirmed order is
 * locked to its packer and is skipped; the update is conditional on that, so a confirmation
 * racing this request cannot be overwritten.
 */
export async function assignOrders(
  db: Kysely<DB>,
  accountId: number,
  orderIds: number[],
  packerId: number | null,
  reason: string,
  actor: Actor,
): Promise<AssignResult> {
  return db.transaction().execute(async (trx) => {
    let packerName: string | null = null;
    if (packerId !== null) {
      packerName = (await requireActivePacker(trx, accountId, packerId)).name;
    }
    const unique = [...new Set(orderIds)];
    const orders = await trx
      .selectFrom('orders as o')
      .leftJoin('packers as p', 'p.id', 'o.packer_id')
      .select([
        'o.id',
        'o.number',
        'o.status',
        'o.packer_id',
        'o.confirmed_at',
        'p.name as packer_name',
      ])
      .where(notIndexed('o.account_id'), '=', accountId)
      .where('o.id', 'in', unique)
      .execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    const result: AssignResult = { updated: [], skipped: [] };
    const now = Date.now();
    for (const id of unique) {
      const o = byId.get(id);
      if (!o) {
        result.skipped.push({ id, code: 'order_not_found', message: 'This order was not found.' });
        continue;
      }
      if (o.confirmed_at !== null || o.status === 'confirmed') {
        result.skipped.push({
          id,
          code: 'packer_locked',
          message: `Order #${o.number} is confirmed by ${o.packer_name ?? 'its packer'} and locked.`,
        });
        continue;
      }
      if (!ASSIGNABLE.has(o.status)) {
        result.skipped.push({
          id,
          code: 'invalid_status',
          message: `Order #${o.number} is ${o.status} and cannot be reassigned.`,
        });
        continue;
      }
      if (o.packer_id === packerId) {
        result.skipped.push({
          id,
          code: 'unchanged',
          message: `Order #${o.number} already has this packer.`,
        });
        continue;
      }
      const status: OrderStatus = packerId === null ? 'new' : 'assigned';
      const changed = await trx
        .updateTable('orders')
        .set({
          packer_id: packerId,
          assigned_at: packerId === null ? null : now,
          assigned_by_hand: packerId === null ? 0 : 1,
          status,
          updated_at: now,
        })
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) {
        result.skipped.push({
          id,
          code: 'packer_locked',
          message: `Order #${o.number} was confirmed meanwhile and is locked.`,
        });
        continue;
      }
      await endCurrentAssignment(trx, accountId, id, now);
      if (packerId !== null) {
        await insertAssignment(trx, {
          accountId,
          orderId: id,
          packerId,
          at: now,
          by: actor.userId,
          reason: handReason(reason),
          override: false,
        });
      }
      await recordAudit(trx, {
        accountId,
        entity: 'order',
        entityId: id,
        action: packerId === null ? 'unassigned' : 'assigned',
        actor,
        from: o.packer_name,
        to: packerName,
        reason: handReason(reason),
        at: now,
      });
      result.updated.push(id);
    }
    return result;
  });
}
