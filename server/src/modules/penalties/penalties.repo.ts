import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ReasonColumns } from '../../shared/reasons.js';
import { DEFAULT_TYPE_CODES, type PenaltyState } from './penalties.schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Amounts a new account's default types start with (minor units of its currency). */
export const DEFAULT_TYPE_AMOUNTS: Record<(typeof DEFAULT_TYPE_CODES)[number], number> = {
  wrong_item: 5000,
  missing_item: 5000,
  wrong_quantity: 3000,
  damaged_packing: 3000,
  late_packing: 2000,
  wrong_label: 2000,
};

/** The six default types of an account; a second call inserts nothing (unique account+code). */
export async function seedDefaultTypes(db: Db, accountId: number, now: number): Promise<void> {
  await db
    .insertInto('penalty_types')
    .values(
      DEFAULT_TYPE_CODES.map((code) => ({
        account_id: accountId,
        code,
        name: null,
        description: '',
        default_amount_minor: DEFAULT_TYPE_AMOUNTS[code],
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'code']).doNothing())
    .execute();
}

export async function listTypes(db: Db, accountId: number) {
  return db
    .selectFrom('penalty_types')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
}

export async function findType(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('penalty_types')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findTypeByCode(db: Db, accountId: number, code: string) {
  return db
    .selectFrom('penalty_types')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertType(
  db: Db,
  t: {
    accountId: number;
    name: string;
    description: string;
    amount: number;
    active: boolean;
    now: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('penalty_types')
    .values({
      account_id: t.accountId,
      code: null,
      name: t.name,
      description: t.description,
      default_amount_minor: t.amount,
      active: t.active ? 1 : 0,
      created_at: t.now,
      updated_at: t.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateType(
  db: Db,
  accountId: number,
  id: number,
  set: { name?: string; description?: string; default_amount_minor?: number; active?: number },
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('penalty_types')
    .set({ ...set, updated_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface NewPenalty {
  account_id: number;
  packer_id: number;
  order_id: number | null;
  type_id: number;
  amount_minor: number;
  currency: string;
  note: string;
  rule: string | null;
  event_kind: string | null;
  event_id: number | null;
  rule_key: string | null;
  created_by_user_id: number | null;
  created_by_label: string | null;
  created_at: number;
}

/**
 * Inserts a penalty; with a `rule_key` that the account already has, inserts nothing and
 * answers null (the unique index decides, so concurrent and retried proposals are one).
 */
export async function insertPenalty(db: Db, p: NewPenalty): Promise<number | null> {
  const row = await db
    .insertInto('penalties')
    .values(p)
    .onConflict((oc) => oc.columns(['account_id', 'rule_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export interface NewEntry extends ReasonColumns {
  account_id: number;
  penalty_id: number;
  seq: number;
  state: PenaltyState;
  comment: string | null;
  actor_user_id: number | null;
  actor_label: string | null;
  actor_role: 'owner' | 'manager' | 'packer' | 'system';
  created_at: number;
}

export async function insertEntry(db: Db, e: NewEntry): Promise<void> {
  await db.insertInto('penalty_entries').values(e).execute();
}

/** The ledger's last entry of a penalty: its current state and the `seq` to follow. */
export async function lastEntry(db: Db, accountId: number, penaltyId: number) {
  return db
    .selectFrom('penalty_entries')
    .select(['seq', 'state'])
    .where('account_id', '=', accountId)
    .where('penalty_id', '=', penaltyId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listEntries(db: Db, accountId: number, penaltyIds: number[]) {
  if (penaltyIds.length === 0) return [];
  return db
    .selectFrom('penalty_entries')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('penalty_id', 'in', penaltyIds)
    .orderBy('penalty_id')
    .orderBy('seq')
    .execute();
}

/** The current state: the state of the entry with the highest seq (never stored twice). */
function currentState(eb: ExpressionBuilder<DB, 'penalties'>) {
  return eb
    .selectFrom('penalty_entries as e')
    .select('e.state')
    .whereRef('e.penalty_id', '=', 'penalties.id')
    .orderBy('e.seq', 'desc')
    .limit(1);
}

export interface PenaltyFilter {
  ids?: number[];
  state?: PenaltyState;
  states?: PenaltyState[];
  packerId?: number;
  orderId?: number;
  from?: number;
  to?: number;
  /** Ids below this (keyset, newest first). */
  beforeId?: number;
  limit?: number;
}

/** Penalties with their names and current state, newest first; every join on the account. */
export async function listPenalties(db: Db, accountId: number, f: PenaltyFilter) {
  let q = db
    .selectFrom('penalties')
    .innerJoin('packers as pk', (j) =>
      j.onRef('pk.id', '=', 'penalties.packer_id').on('pk.account_id', '=', accountId),
    )
    .innerJoin('penalty_types as t', (j) =>
      j.onRef('t.id', '=', 'penalties.type_id').on('t.account_id', '=', accountId),
    )
    .leftJoin('orders as o', (j) =>
      j.onRef('o.id', '=', 'penalties.order_id').on('o.account_id', '=', accountId),
    )
    .leftJoin('penalty_photos as ph', 'ph.penalty_id', 'penalties.id')
    .selectAll('penalties')
    .select((eb) => [
      'pk.name as packer_name',
      'o.number as order_number',
      't.code as type_code',
      't.name as type_name',
      'ph.file as photo_file',
      currentState(eb).as('state'),
    ])
    .where('penalties.account_id', '=', accountId);
  if (f.ids) q = q.where('penalties.id', 'in', f.ids.length ? f.ids : [0]);
  if (f.state) q = q.where((eb) => eb(currentState(eb), '=', f.state ?? ''));
  if (f.states) q = q.where((eb) => eb(currentState(eb), 'in', f.states ?? []));
  if (f.packerId !== undefined) q = q.where('penalties.packer_id', '=', f.packerId);
  if (f.orderId !== undefined) q = q.where('penalties.order_id', '=', f.orderId);
  if (f.from !== undefined) q = q.where('penalties.created_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('penalties.created_at', '<', f.to);
  if (f.beforeId !== undefined) q = q.where('penalties.id', '<', f.beforeId);
  q = q.orderBy('penalties.id', 'desc');
  if (f.limit !== undefined) q = q.limit(f.limit);
  return q.execute();
}
export type PenaltyRow = Awaited<ReturnType<typeof listPenalties>>[number];

export async function findPhoto(db: Db, accountId: number, penaltyId: number) {
  return db
    .selectFrom('penalty_photos')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('penalty_id', '=', penaltyId)
    .executeTakeFirst();
}

/** Adds a penalty's photo; false when it already has one (the primary key decides). */
export async function insertPhoto(
  db: Db,
  p: { account_id: number; penalty_id: number; file: string; mime: string; size: number },
  now: number,
): Promise<boolean> {
  const r = await db
    .insertInto('penalty_photos')
    .values({ ...p, created_at: now })
    .onConflict((oc) => oc.column('penalty_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findPacker(db: Db, accountId: number, packerId: number) {
  return db
    .selectFrom('packers')
    .select(['id', 'name', 'user_id', 'shifts'])
    .where('account_id', '=', accountId)
    .where('id', '=', packerId)
    .executeTakeFirst();
}

export async function findOrder(db: Db, accountId: number, orderId: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'packer_id', 'store_id', 'confirmed_at'])
    .where('account_id', '=', accountId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

export async function accountOf(db: Db, accountId: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'currency', 'timezone', 'language'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
}
