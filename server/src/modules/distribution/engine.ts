import type { Insertable, Transaction } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { AssignmentsTable, AuditEventsTable, DB, JobsTable } from '../../db/schema.js';
import type { Actor } from '../audit/audit.repo.js';
import { compactEvent, type EventBus } from '../events/event-bus.js';
import { decide, knownSkillsOf } from './decide.js';
import type { Candidate, StrategyState } from './distribution.types.js';
import { eligibilityContext } from './eligibility.js';
import { insertMany } from '../../db/insert-many.js';
import * as writes from './assign-writes.repo.js';
import * as repo from './distribution.repo.js';
import { JOB_PRIORITY } from '../../jobs/job-kinds.js';
import { pushAssignmentJob } from './push-job.js';
import { strategyOf } from './strategies.js';
import { reasonColumns, type Reason } from '../../shared/reasons.js';

/** The owner's selection is a user's action; automatic runs (a sync's thousands) are bulk. */
const pushPriority = (mode: RunMode) =>
  mode === 'on-demand' ? JOB_PRIORITY.urgent : JOB_PRIORITY.bulk;

/**
 * auto: a new or changed order, or the Unassigned queue; follows the store's settings.
 * on-demand: the owner's selection; any unconfirmed order, whatever the settings.
 * redistribute: orders of a packer who left (deactivated, off shift); any unconfirmed order.
 */
export type RunMode = 'auto' | 'on-demand' | 'redistribute';

export interface RunResult {
  assigned: { id: number; packer_id: number; packer_name: string; reason: Reason }[];
  unassigned: { id: number; reason: Reason }[];
  skipped: { id: number; code: string; message: string }[];
}

/**
 * Orders written in the caller's transaction, as written (the sync's new orders): nobody
 * else can see them before it commits, so reading them back would return just this.
 */
export interface WrittenHere {
  written: readonly repo.OrderForDistribution[];
}

export interface EngineDeps {
  dialect: Dialect;
  events: EventBus;
}

/**
 * Applies the strategies to the given orders inside the caller's transaction: the order
 * update, the assignment row, the audit event and the store push job commit together.
 * Every order update is conditional on the state it was read in, so two runs at once (or a
 * confirmation racing a run) never give an order two packers or break the lock.
 */
export async function distributeInTransaction(
  trx: Transaction<DB>,
  deps: EngineDeps,
  accountId: number,
  which: readonly number[] | WrittenHere,
  mode: RunMode,
  actor: Actor,
  now = Date.now(),
): Promise<RunResult> {
  const result: RunResult = { assigned: [], unassigned: [], skipped: [] };
  const written = 'written' in which ? which.written : null;
  const unique = written ? written.map((o) => o.id) : [...new Set(which as readonly number[])];
  // Lock first, read after: concurrent runs for a store take turns on its state row
  // (PostgreSQL; SQLite has one writer) and each reads what the previous one committed.
  // Ascending store order, so two runs never wait on each other crosswise.
  const lockOrder = written
    ? [...new Set(written.map((o) => repo.storeKeyOf(o.storeId)))].sort((a, b) => a - b)
    : await repo.storeKeysOf(trx, accountId, unique);
  const states = new Map<number, StrategyState>();
  for (const key of lockOrder) {
    states.set(key, await repo.lockState(trx, deps.dialect, accountId, key, now));
  }
  const orders = written ?? (await repo.loadOrders(trx, accountId, unique));
  const found = new Set(orders.map((o) => o.id));
  for (const id of unique)
    if (!found.has(id))
      result.skipped.push({ id, code: 'order_not_found', message: 'This order was not found.' });

  const settings = new Map(
    (await repo.listSettingsRows(trx, accountId)).map((s) => [s.storeKey, s]),
  );
  const settingsOf = (key: number) =>
    settings.get(key) ?? { storeKey: key, ...repo.DEFAULT_SETTINGS };
  const todo = orders.filter((o) => {
    const skip = whyNot(o, mode, settingsOf(repo.storeKeyOf(o.storeId)));
    if (skip) result.skipped.push({ id: o.id, ...skip });
    return !skip;
  });
  if (todo.length === 0) return result;

  const [timeZone, packers] = await Promise.all([
    repo.accountTimeZone(trx, accountId),
    repo.loadCandidates(trx, accountId),
  ]);
  const byId = new Map(packers.map((p) => [p.id, p]));
  const ctx = eligibilityContext(now, timeZone, knownSkillsOf(packers));
  // The order being moved does not count against its current packer's load.
  for (const o of todo) if (o.packerId !== null) decrement(byId.get(o.packerId));

  const ended: number[] = [];
  const assignments: Insertable<AssignmentsTable>[] = [];
  const audits: Insertable<AuditEventsTable>[] = [];
  const jobs: Insertable<JobsTable>[] = [];
  const queued: { orderId: number; reason: Reason }[] = [];
  const cleared: number[] = [];
  const touchedPackers: (number | null)[] = [];

  /** A change to record: the order's packer went from `previous` to `packer` (null: none). */
  type Change = {
    o: repo.OrderForDistribution;
    previous: Candidate | null;
    packer: Candidate | null;
    reason: Reason;
  };
  const changes: Change[] = [];
  // New, unassigned orders are written in bulk (one statement per 200) after the decisions.
  const fresh: (Change & { packer: Candidate })[] = [];
  const keys = [...new Set(todo.map((o) => repo.storeKeyOf(o.storeId)))].sort((a, b) => a - b);
  for (const key of keys) {
    const strategy = strategyOf(settingsOf(key).strategy);
    let state = states.get(key) ?? {};
    for (const o of todo) {
      if (repo.storeKeyOf(o.storeId) !== key) continue;
      const outcome = decide(o, packers, state, strategy, ctx);
      const previous = o.packerId === null ? null : (byId.get(o.packerId) ?? null);
      const packer = outcome.kind === 'assign' ? outcome.packer : null;
      if (packer && packer.id === o.packerId) {
        increment(previous, null);
        result.skipped.push({
          id: o.id,
          code: 'unchanged',
          message: `Order #${o.number} stays with ${packer.name}.`,
        });
        continue;
      }
      if (!packer && o.packerId === null) {
        queued.push({ orderId: o.id, reason: outcome.reason });
        result.unassigned.push({ id: o.id, reason: outcome.reason });
        continue;
      }
      state = outcome.state;
      increment(packer, now);
      if (packer && o.packerId === null && o.status === 'new') {
        fresh.push({ o, previous, packer, reason: outcome.reason });
        continue;
      }
      if (await writes.moveOrder(trx, accountId, o, packer?.id ?? null, now)) {
        changes.push({ o, previous, packer, reason: outcome.reason });
      } else {
        decrement(packer ?? undefined);
        increment(previous, null);
        result.skipped.push(changedMeanwhile(o));
      }
    }
    await repo.saveState(trx, accountId, key, state, now);
  }
  const won = await writes.assignNewOrders(
    trx,
    accountId,
    fresh.map((f) => ({ id: f.o.id, packerId: f.packer.id })),
    now,
  );
  for (const f of fresh) {
    if (won.has(f.o.id)) changes.push(f);
    else {
      // Taken by hand meanwhile (the strategy state has moved on; harmless).
      decrement(f.packer);
      result.skipped.push(changedMeanwhile(f.o));
    }
  }

  for (const { o, previous, packer, reason } of changes) {
    if (o.packerId !== null) ended.push(o.id);
    if (o.storeId !== null)
      jobs.push(pushAssignmentJob(accountId, o.id, false, now, o.storeId, pushPriority(mode)));
    touchedPackers.push(o.packerId, packer?.id ?? null);
    audits.push({
      account_id: accountId,
      entity: 'order',
      entity_id: o.id,
      action: packer ? 'assigned' : 'unassigned',
      actor_user_id: actor.userId,
      actor_label: actor.label,
      from_value: previous?.name ?? null,
      to_value: packer?.name ?? null,
      ...reasonColumns(reason),
      created_at: now,
    });
    if (packer) {
      cleared.push(o.id);
      assignments.push({
        account_id: accountId,
        order_id: o.id,
        packer_id: packer.id,
        assigned_at: now,
        confirmed_at: null,
        ended_at: null,
        assigned_by: actor.userId,
        ...reasonColumns(reason),
        override: 0,
      });
      result.assigned.push({ id: o.id, packer_id: packer.id, packer_name: packer.name, reason });
    } else {
      queued.push({ orderId: o.id, reason });
      result.unassigned.push({ id: o.id, reason });
    }
  }

  // Ending the old rows first: the new assignment rows must stay the current ones.
  await writes.endAssignments(trx, accountId, ended, now);
  await insertMany(trx, deps.dialect, 'assignments', assignments);
  await insertMany(trx, deps.dialect, 'audit_events', audits);
  await insertMany(trx, deps.dialect, 'jobs', jobs);
  await repo.clearUnassigned(trx, accountId, cleared);
  await repo.markUnassigned(trx, deps.dialect, accountId, queued, now);
  const changedIds = [...result.assigned.map((a) => a.id), ...result.unassigned.map((u) => u.id)];
  if (changedIds.length)
    await deps.events.publish(trx, compactEvent(accountId, changedIds, touchedPackers));
  return result;
}

function whyNot(
  o: repo.OrderForDistribution,
  mode: RunMode,
  s: repo.Settings,
): { code: string; message: string } | null {
  if (o.confirmedAt !== null || o.status === 'confirmed')
    return {
      code: 'packer_locked',
      message: `Order #${o.number} is confirmed and locked to its packer.`,
    };
  if (o.status !== 'new' && o.status !== 'assigned')
    return { code: 'invalid_status', message: `Order #${o.number} is ${o.status}.` };
  if (mode !== 'auto') return null;
  if (o.status !== 'new' || o.packerId !== null)
    return { code: 'already_assigned', message: `Order #${o.number} already has a packer.` };
  if (!s.enabled)
    return { code: 'distribution_off', message: 'Automatic distribution is off for this store.' };
  if (o.storeId !== null && !s.storeStatuses.includes(o.storeStatus)) {
    return {
      code: 'status_not_distributed',
      message: `Store status ${o.storeStatus} is not distributed.`,
    };
  }
  return null;
}

const changedMeanwhile = (o: { id: number; number: string }) => ({
  id: o.id,
  code: 'changed_meanwhile',
  message: `Order #${o.number} changed while it was being distributed.`,
});

function decrement(p: { openOrders: number } | undefined): void {
  if (p) p.openOrders = Math.max(0, p.openOrders - 1);
}

function increment(
  p: { openOrders: number; lastAssignedAt: number | null } | null,
  at: number | null,
): void {
  if (!p) return;
  p.openOrders += 1;
  if (at !== null) p.lastAssignedAt = at;
}
