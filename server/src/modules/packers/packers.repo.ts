import type { Kysely, Transaction } from 'kysely';
import type { DB, PackerRow } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Orders a packer has and has not finished: they count against max_open_orders. */
export const OPEN_STATUSES = ['assigned', 'confirmed'] as const;

const packerColumns = [
  'p.id',
  'p.account_id',
  'p.user_id',
  'p.name',
  'p.active',
  'p.weight',
  'p.max_open_orders',
  'p.skills',
  'p.allowed_store_ids',
  'p.shifts',
  'p.created_at',
  'p.updated_at',
  'u.username',
  'u.locked_at',
] as const;

export type PackerWithLogin = PackerRow & {
  username: string | null;
  locked_at: number | null;
  open_orders: number;
};

function selectPackers(db: Db, accountId: number) {
  return db
    .selectFrom('packers as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(packerColumns)
    .select((eb) =>
      eb
        .selectFrom('orders as o')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('o.packer_id', '=', 'p.id')
        .where('o.account_id', '=', accountId)
        .where('o.status', 'in', OPEN_STATUSES)
        .as('open_orders'),
    )
    .where('p.account_id', '=', accountId);
}

const withCount = <T extends { open_orders: number | string | null }>(r: T) => ({
  ...r,
  open_orders: Number(r.open_orders ?? 0),
});

export async function listPackers(db: Db, accountId: number): Promise<PackerWithLogin[]> {
  const rows = await selectPackers(db, accountId)
    .orderBy('p.active', 'desc')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map(withCount);
}

export async function findPacker(
  db: Db,
  accountId: number,
  id: number,
): Promise<PackerWithLogin | undefined> {
  const row = await selectPackers(db, accountId).where('p.id', '=', id).executeTakeFirst();
  return row && withCount(row);
}

export async function insertPacker(db: Db, p: Omit<PackerRow, 'id'>): Promise<number> {
  const row = await db.insertInto('packers').values(p).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePacker(
  db: Db,
  accountId: number,
  id: number,
  patch: Partial<Omit<PackerRow, 'id' | 'account_id' | 'user_id'>>,
): Promise<void> {
  await db
    .updateTable('packers')
    .set(patch)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function updatePackerUser(
  db: Db,
  accountId: number,
  userId: number,
  patch: Partial<{
    name: string;
    username: string;
    password_hash: string;
    active: number;
    updated_at: number;
  }>,
): Promise<void> {
  await db
    .updateTable('users')
    .set(patch)
    .where('account_id', '=', accountId)
    .where('id', '=', userId)
    .execute();
}

/** Whether another user of this account has `username` (unique per account, not globally). */
export async function usernameTaken(
  db: Db,
  accountId: number,
  username: string,
  exceptUserId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('account_id', '=', accountId)
    .where('username', '=', username);
  if (exceptUserId !== undefined) q = q.where('id', '!=', exceptUserId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The account's stores among `ids` (a packer may be allowed only its own account's stores). */
export async function ownStoreIds(db: Db, accountId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('stores')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}
