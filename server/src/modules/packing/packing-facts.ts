import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import { EMPTY_SCHEDULE, WeeklySchedule } from '../packers/packers.schema.js';
import { workingMs } from '../penalties/working-time.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The packing facts the reports read (assignments.confirm_work_ms, packed_at, pack_work_ms),
 * written in the transaction that confirms or packs: the working part of a wait is measured
 * against the packer's shifts as they are at that moment, so a later change of schedule does
 * not rewrite history.
 */
async function currentAssignment(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('packers as p', (j) =>
      j.onRef('p.id', '=', 'a.packer_id').on('p.account_id', '=', accountId),
    )
    .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
    .select(['a.id', 'a.assigned_at', 'a.confirmed_at', 'p.shifts', 'acc.timezone'])
    .where('a.account_id', '=', accountId)
    .where('a.order_id', '=', orderId)
    .where('a.ended_at', 'is', null)
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
}

/** A packer's weekly schedule from its JSON column; unreadable = no schedule (always at work). */
export function scheduleOf(shiftsJson: string): WeeklySchedule {
  const parsed = WeeklySchedule.safeParse(parseJsonColumn<unknown>(shiftsJson, {}));
  return parsed.success ? parsed.data : EMPTY_SCHEDULE;
}

/** At confirmation (confirmed_at already set on the current assignment): assigned → confirmed. */
export async function recordConfirmFacts(db: Db, accountId: number, orderId: number) {
  const a = await currentAssignment(db, accountId, orderId);
  if (!a || a.confirmed_at === null) return;
  const ms = workingMs(
    scheduleOf(a.shifts),
    a.timezone,
    Number(a.assigned_at),
    Number(a.confirmed_at),
  );
  await db
    .updateTable('assignments')
    .set({ confirm_work_ms: ms })
    .where('account_id', '=', accountId)
    .where('id', '=', a.id)
    .execute();
}

/** When the order becomes packed at `at`: the current assignment's packed_at and confirmed → packed. */
export async function recordPackFacts(db: Db, accountId: number, orderId: number, at: number) {
  const a = await currentAssignment(db, accountId, orderId);
  if (!a) return;
  const from = a.confirmed_at === null ? null : Number(a.confirmed_at);
  await db
    .updateTable('assignments')
    .set({
      packed_at: at,
      pack_work_ms: from === null ? null : workingMs(scheduleOf(a.shifts), a.timezone, from, at),
    })
    .where('account_id', '=', accountId)
    .where('id', '=', a.id)
    .execute();
}
