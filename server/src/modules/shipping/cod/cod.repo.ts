import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** SQL of COD imports and settlement lines; every query scoped by the account. */

type Db = Kysely<DB> | Transaction<DB>;

export const DEFAULT_OVERDUE_DAYS = 14;

export async function overdueDays(db: Db, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('cod_settings')
    .select('overdue_days')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.overdue_days ?? DEFAULT_OVERDUE_DAYS;
}

export async function saveOverdueDays(db: Db, accountId: number, days: number): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('cod_settings')
    .values({ account_id: accountId, overdue_days: days, updated_at: now })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({ overdue_days: days, updated_at: now }),
    )
    .execute();
}

export async function accountZone(
  db: Db,
  accountId: number,
): Promise<{ timezone: string; currency: string }> {
  return db
    .selectFrom('accounts')
    .select(['timezone', 'currency'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
}

export async function insertImport(
  db: Db,
  i: {
    accountId: number;
    courier: string;
    source: 'api' | 'file';
    fileName: string;
    state: 'queued' | 'running';
    range: { from: string; to: string } | null;
    createdBy: string;
    now?: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('cod_imports')
    .values({
      account_id: i.accountId,
      courier: i.courier,
      source: i.source,
      file_name: i.fileName,
      state: i.state,
      range_from: i.range?.from ?? null,
      range_to: i.range?.to ?? null,
      created_by: i.createdBy,
      created_at: i.now ?? Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findImport(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('cod_imports')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An import by id alone: only for the job, whose payload names the row it created. */
export function importById(db: Db, id: number) {
  return db.selectFrom('cod_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listImports(db: Db, accountId: number, limit: number) {
  return db
    .selectFrom('cod_imports')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function setImportState(
  db: Db,
  accountId: number,
  id: number,
  patch: {
    state: 'running' | 'done' | 'failed';
    counts?: { total: number; new: number; known: number; unmatched: number };
    unmatchedAwbs?: string[];
    messages?: { code: string; text: string }[];
  },
): Promise<void> {
  await db
    .updateTable('cod_imports')
    .set({
      state: patch.state,
      ...(patch.counts && {
        lines_total: patch.counts.total,
        lines_new: patch.counts.new,
        lines_known: patch.counts.known,
        lines_unmatched: patch.counts.unmatched,
      }),
      ...(patch.unmatchedAwbs && { unmatched_awbs: JSON.stringify(patch.unmatchedAwbs) }),
      ...(patch.messages && { messages: JSON.stringify(patch.messages) }),
      ...(patch.state !== 'running' && { finished_at: Date.now() }),
    })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export interface NewLine {
  awb: string;
  amountMinor: number;
  currency: string;
  paidAt: number | null;
  reference: string;
}

/**
 * Inserts the lines that are not known yet (same account, courier, AWB and reference) and
 * answers how many were new. The unique index decides, so two imports of one file at once
 * still count each amount once.
 */
export async function insertLines(
  db: Db,
  accountId: number,
  importId: number,
  courier: string,
  lines: NewLine[],
): Promise<number> {
  let inserted = 0;
  const now = Date.now();
  for (let i = 0; i < lines.length; i += 200) {
    const rows = await db
      .insertInto('cod_settlement_lines')
      .values(
        lines.slice(i, i + 200).map((l) => ({
          account_id: accountId,
          import_id: importId,
          courier,
          awb: l.awb,
          amount_minor: l.amountMinor,
          currency: l.currency,
          paid_at: l.paidAt,
          reference: l.reference,
          shipment_id: null,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['account_id', 'courier', 'awb', 'reference']).doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

/**
 * Links unmatched lines of the account to the shipment with their AWB at their courier (a
 * shipment made after its settlement arrived is matched on the next import too).
 */
export async function matchLines(db: Db, accountId: number): Promise<void> {
  await db
    .updateTable('cod_settlement_lines as l')
    .set({
      shipment_id: sql<number | null>`(SELECT MAX(s.id) FROM shipments s
        WHERE s.account_id = l.account_id AND s.awb = l.awb AND s.courier = l.courier
          AND s.phase IN ('made', 'cancelled'))`,
    })
    .where('l.account_id', '=', accountId)
    .where('l.shipment_id', 'is', null)
    .execute();
}

/** Of these AWBs (one courier), the ones whose lines match no shipment. */
export async function unmatchedAwbs(
  db: Db,
  accountId: number,
  courier: string,
  awbs: string[],
): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < awbs.length; i += 500) {
    const rows = await db
      .selectFrom('cod_settlement_lines')
      .select('awb')
      .distinct()
      .where('account_id', '=', accountId)
      .where('courier', '=', courier)
      .where('shipment_id', 'is', null)
      .where('awb', 'in', awbs.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.awb);
  }
  return [...out].sort();
}

/** Accounts with a login at one of these couriers (the daily API import runs for them). */
export function accountsWithCourier(db: Db, couriers: string[]) {
  if (couriers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('courier_accounts')
    .select(['account_id', 'courier'])
    .distinct()
    .where('courier', 'in', couriers)
    .execute();
}
