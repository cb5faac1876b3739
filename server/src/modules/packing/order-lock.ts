import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../shared/errors.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import { handReason, reason } from '../../shared/reasons.js';
import { clearUnassigned } from '../distribution/distribution.repo.js';
import { JOB_PRIORITY } from '../../jobs/job-kinds.js';
import { pushAssignmentJob } from '../distribution/push-job.js';
import { compactEvent, type EventBus } from '../events/event-bus.js';
import { endCurrentAssignment, insertAssignment } from '../orders/orders.repo.js';
import { requireActivePacker } from '../packers/active-packer.js';
import { recordConfirmFacts } from './packing-facts.js';
import * as repo from './packing.repo.js';
import type { ReassignBody } from './packing.schema.js';

/**
 * The packer lock. Every change is one conditional UPDATE on the state that was read
 * (status, packer, confirmed or not): whatever interleaving of confirmations, reassignments
 * and overrides hits one order, each request either applies to exactly the state it saw or
 * fails with a conflict, so the lock cannot be slipped past by a race. On PostgreSQL the
 * UPDATE's row lock also orders the history rows written after it.
 */
export interface LockDeps {
  db: Kysely<DB>;
  events: EventBus;
  /** Called in the transaction that packs an order (shipping: the AWB at packing). */
  onPacked?: (trx: Transaction<DB>, accountId: number, orderId: number) => Promise<void>;
  /** Called in the scan's transaction after a mismatch is recorded (penalties: the scan rule). */
  onMismatch?: (trx: Transaction<DB>, m: ScanMismatch) => Promise<unknown>;
}

/** A wrong or surplus scan, as recorded (its row id is the penalty rule's event). */
export interface ScanMismatch {
  accountId: number;
  orderId: number;
  packerId: number | null;
  mismatchId: number;
  kind: 'wrong_item' | 'too_many';
  code: string;
  at: number;
}

/** A packer confirms (takes) their order; an owner or manager may confirm on their behalf. */
export async function confirmOrder(
  deps: LockDeps,
  auth: AuthContext,
  orderId: number,
  actor: Actor,
): Promise<number> {
  const accountId = auth.accountId;
  return deps.db.transaction().execute(async (trx) => {
    const o = await repo.findOrderForUpdate(trx, accountId, orderId);
    if (!o) throw new NotFound('order_not_found', 'This order was not found.');
    const own = auth.role === 'packer' && o.packer_id !== null && o.packer_id === auth.packerId;
    if (auth.role === 'packer' && !own)
      throw new NotFound('order_not_found', 'This order is not in your queue.');
    if (o.status === 'confirmed') {
      throw own
        ? new Conflict('already_confirmed', 'You have already confirmed this order.')
        : new Conflict(
            'packer_locked',
            `Order #${o.number} is already confirmed by ${o.packer_name ?? 'its packer'}.`,
          );
    }
    if (o.status !== 'assigned' || o.packer_id === null)
      throw new Conflict(
        'not_assigned',
        `Order #${o.number} is ${o.status}; only an assigned order can be confirmed.`,
      );
    const now = Date.now();
    const r = await trx
      .updateTable('orders')
      .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
      .where('account_id', '=', accountId)
      .where('id', '=', orderId)
      .where('status', '=', 'assigned')
      .where('packer_id', '=', o.packer_id)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw changedMeanwhile();
    await trx
      .updateTable('assignments')
      .set({ confirmed_at: now })
      .where('account_id', '=', accountId)
      .where('order_id', '=', orderId)
      .where('ended_at', 'is', null)
      .execute();
    await recordConfirmFacts(trx, accountId, orderId);
    const why = own ? undefined : reason('on_behalf_of', { packer: o.packer_name ?? '' });
    await recordAudit(trx, {
      accountId,
      entity: 'order',
      entityId: orderId,
      action: 'confirmed',
      actor,
      from: 'assigned',
      to: 'confirmed',
      reason: why,
      at: now,
    });
    await afterChange(trx, deps.events, accountId, o, [o.packer_id], false, now);
    return orderId;
  });
}

/**
 * Moves an order to another packer. Unconfirmed: owners and managers. Confirmed: only the
 * owner, with `override` and a reason; the new packer holds the order locked (the owner
 * decided), the store is told with override:true, and scanning starts again.
 */
export async function reassignOrder(
  deps: LockDeps,
  auth: AuthContext,
  orderId: number,
  body: ReassignBody,
  actor: Actor,
): Promise<number> {
  const accountId = auth.accountId;
  return deps.db.transaction().execute(async (trx) => {
    const o = await repo.findOrderForUpdate(trx, accountId, orderId);
    if (!o) throw new NotFound('order_not_found', 'This order was not found.');
    const target = await requireActivePacker(trx, accountId, body.packer_id);
    if (o.packer_id === target.id)
      throw new Conflict('unchanged', `Order #${o.number} is already ${target.name}'s.`);
    // Packed, shipped and later orders have left the packers' hands: nothing to move.
    if (o.status !== 'new' && o.status !== 'assigned' && o.status !== 'confirmed')
      throw new Conflict(
        'invalid_status',
        `Order #${o.number} is ${o.status} and cannot be reassigned.`,
      );
    const locked = o.status === 'confirmed';
    if (locked) checkOverride(o, auth, body);
    const now = Date.now();
    let q = trx
      .updateTable('orders')
      .set({
        packer_id: target.id,
        assigned_at: now,
        assigned_by_hand: 1,
        status: locked ? 'confirmed' : 'assigned',
        confirmed_at: locked ? now : null,
        updated_at: now,
      })
      .where('account_id', '=', accountId)
      .where('id', '=', orderId)
      .where('status', '=', o.status)
      .where('packer_id', o.packer_id === null ? 'is' : '=', o.packer_id);
    q = locked ? q.where('confirmed_at', 'is not', null) : q.where('confirmed_at', 'is', null);
    const r = await q.executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw changedMeanwhile();
    await endCurrentAssignment(trx, accountId, orderId, now);
    const why = handReason(body.reason);
    await insertAssignment(trx, {
      accountId,
      orderId,
      packerId: target.id,
      at: now,
      by: actor.userId,
      reason: why,
      override: locked,
    });
    if (locked) {
      await trx
        .updateTable('assignments')
        // The owner confirms for the new packer at once: no wait to measure (and the reports
        // keep override confirmations out of the time-to-confirm figures).
        .set({ confirmed_at: now, confirm_work_ms: 0 })
        .where('account_id', '=', accountId)
        .where('order_id', '=', orderId)
        .where('ended_at', 'is', null)
        .execute();
      await repo.resetScans(trx, accountId, orderId);
    }
    await recordAudit(trx, {
      accountId,
      entity: 'order',
      entityId: orderId,
      action: locked ? 'override' : 'assigned',
      actor,
      from: o.packer_name,
      to: target.name,
      reason: why,
      at: now,
    });
    await clearUnassigned(trx, accountId, [orderId]);
    await afterChange(trx, deps.events, accountId, o, [o.packer_id, target.id], locked, now);
    return orderId;
  });
}

function checkOverride(o: repo.LockedOrder, auth: AuthContext, body: ReassignBody): void {
  const who = o.packer_name ?? 'its packer';
  if (!body.override)
    throw new Conflict(
      'packer_locked',
      `Order #${o.number} is confirmed by ${who}; moving it needs an owner override.`,
    );
  if (auth.role !== 'owner')
    throw new Forbidden(
      'packer_locked',
      `Order #${o.number} is confirmed by ${who}; only the owner can override.`,
    );
  if (!body.reason) throw new Invalid('reason_required', 'An override needs a reason.');
}

async function afterChange(
  trx: Transaction<DB>,
  events: EventBus,
  accountId: number,
  o: repo.LockedOrder,
  packers: (number | null)[],
  override: boolean,
  now: number,
) {
  if (o.store_id !== null)
    await trx
      .insertInto('jobs')
      .values(pushAssignmentJob(accountId, o.id, override, now, o.store_id, JOB_PRIORITY.urgent))
      .execute();
  await events.publish(trx, compactEvent(accountId, [o.id], packers));
}

const changedMeanwhile = () =>
  new Conflict('changed_meanwhile', 'This order changed meanwhile; reload and try again.');
