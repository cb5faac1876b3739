import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict } from '../../shared/errors.js';
import type { ErrorCode } from '../../shared/error-codes.js';
import { reasonColumns, type Reason } from '../../shared/reasons.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import type { EventBus } from '../events/event-bus.js';
import * as repo from './penalties.repo.js';
import type { PenaltyState } from './penalties.schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ActorRole = 'owner' | 'manager' | 'packer' | 'system';

/** Which states may follow which: the only edits a penalty ever gets are new entries. */
export const TRANSITIONS: Record<PenaltyState, readonly PenaltyState[]> = {
  proposed: ['applied', 'waived'],
  applied: ['contested', 'reversed'],
  contested: ['upheld', 'cancelled'],
  upheld: ['reversed'],
  waived: [],
  cancelled: [],
  reversed: [],
};

/** The states in which a penalty counts against the packer (sums, the station's total). */
export const IN_FORCE: PenaltyState[] = ['applied', 'contested', 'upheld'];

/** The error a refused move answers with, by the state asked for. */
const REFUSAL: Partial<Record<PenaltyState, ErrorCode>> = {
  applied: 'penalty_not_proposed',
  waived: 'penalty_not_proposed',
  contested: 'penalty_not_contestable',
  upheld: 'penalty_not_contested',
  cancelled: 'penalty_not_contested',
  reversed: 'penalty_not_reversible',
};

export interface Move {
  accountId: number;
  penaltyId: number;
  packerId: number;
  to: PenaltyState;
  reason: Reason | null;
  comment: string | null;
  actor: Actor;
  role: ActorRole;
  at: number;
}

/**
 * Appends the next state to a penalty's ledger, inside the caller's transaction: checks the
 * move against the current state, writes the entry and its audit line, and tells the dashboard
 * and the packer's station. On PostgreSQL the penalty's row is locked first so two deciders
 * queue; the unique (penalty_id, seq) index is the backstop either way.
 */
export async function appendState(
  trx: Db,
  events: EventBus,
  dialect: 'sqlite' | 'postgres',
  m: Move,
): Promise<void> {
  if (dialect === 'postgres')
    await trx
      .selectFrom('penalties')
      .select('id')
      .where('account_id', '=', m.accountId)
      .where('id', '=', m.penaltyId)
      .forUpdate()
      .execute();
  const last = await repo.lastEntry(trx, m.accountId, m.penaltyId);
  const from = (last?.state ?? 'proposed') as PenaltyState;
  if (!TRANSITIONS[from].includes(m.to))
    throw new Conflict(REFUSAL[m.to] ?? 'changed_meanwhile', `The penalty is ${from}.`);
  await repo.insertEntry(trx, {
    account_id: m.accountId,
    penalty_id: m.penaltyId,
    seq: (last?.seq ?? 0) + 1,
    state: m.to,
    ...reasonColumns(m.reason),
    comment: m.comment,
    actor_user_id: m.actor.userId,
    actor_label: m.actor.label,
    actor_role: m.role,
    created_at: m.at,
  });
  await recordAudit(trx, {
    accountId: m.accountId,
    entity: 'penalty',
    entityId: m.penaltyId,
    action: m.to,
    actor: m.actor,
    from,
    to: m.to,
    ...(m.reason && { reason: m.reason }),
    at: m.at,
  });
  await publishPenalties(trx, events, m.accountId, [m.penaltyId], [m.packerId]);
}

/** `penalties.changed` to the account's dashboards and to these packers' stations. */
export async function publishPenalties(
  db: Db,
  events: EventBus,
  accountId: number,
  ids: number[],
  packerIds: number[],
): Promise<void> {
  await events.publish(db, {
    type: 'penalties.changed',
    account_id: accountId,
    // Not null: a station hears only of its own packer's penalties (events.routes.ts).
    order_ids: [],
    packer_ids: [...new Set(packerIds)],
    ids: ids.slice(0, 100),
  });
}

/** A write that lost a race on a unique index (PostgreSQL 23505, SQLite's UNIQUE constraint). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof e?.message === 'string' && e.message.includes('UNIQUE constraint failed'))
  );
}
