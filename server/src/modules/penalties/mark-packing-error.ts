import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict, NotFound } from '../../shared/errors.js';
import { reason } from '../../shared/reasons.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import type { EventBus } from '../events/event-bus.js';
import * as repo from './penalties.repo.js';
import type { PackingErrorBody } from './penalties.schema.js';
import { propose } from './penalty-rules.js';

/**
 * Marks a return or a customer complaint as the packer's mistake, on the order's change log,
 * and lets the packing-error rule propose a penalty in the same transaction.
 */
export async function markPackingError(
  db: Kysely<DB>,
  events: EventBus,
  accountId: number,
  orderId: number,
  body: PackingErrorBody,
  actor: Actor,
): Promise<{ order_id: number; kind: 'return' | 'complaint'; penalty_id: number | null }> {
  const penaltyId = await db.transaction().execute(async (trx) => {
    const o = await repo.findOrder(trx, accountId, orderId);
    if (!o) throw new NotFound('order_not_found', 'This order was not found.');
    if (o.packer_id === null || ['new', 'assigned', 'confirmed'].includes(o.status))
      throw new Conflict('order_not_packed_yet', 'This order has not been packed yet.');
    if (body.type_id !== undefined && !(await repo.findType(trx, accountId, body.type_id)))
      throw new NotFound('penalty_type_not_found', 'This penalty type was not found.');
    const now = Date.now();
    const why = reason(body.kind === 'return' ? 'packing_error_return' : 'packing_error_complaint');
    await recordAudit(trx, {
      accountId,
      entity: 'order',
      entityId: orderId,
      action: 'packing_error',
      actor,
      to: body.kind,
      reason: body.note ? reason('note', { text: body.note }) : why,
      at: now,
    });
    return propose(trx, events, {
      accountId,
      packerId: Number(o.packer_id),
      orderId,
      rule: 'packing_error',
      typeCode: body.kind === 'return' ? 'wrong_item' : 'damaged_packing',
      ...(body.type_id !== undefined && { typeId: body.type_id }),
      event: { kind: body.kind === 'return' ? 'order_return' : 'order_complaint', id: orderId },
      // One return and one complaint per order: marking the same twice proposes once.
      key: `${body.kind}:order:${orderId}`,
      reason: why,
      note: body.note,
      at: now,
    });
  });
  return { order_id: orderId, kind: body.kind, penalty_id: penaltyId };
}
