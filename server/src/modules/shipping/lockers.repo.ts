import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import type { Locker } from './couriers/courier.js';

type Db = Kysely<DB> | Transaction<DB>;

export type LockerRow = Awaited<ReturnType<typeof findLocker>>;

/** Replaces an account's cached lockers of one courier with the courier's fresh list. */
export async function replaceLockers(
  trx: Transaction<DB>,
  accountId: number,
  courier: string,
  lockers: Locker[],
  now: number,
): Promise<void> {
  await trx
    .deleteFrom('courier_lockers')
    .where('account_id', '=', accountId)
    .where('courier', '=', courier)
    .execute();
  // One row per id: a courier that lists a locker twice keeps its first entry.
  const seen = new Set<string>();
  const rows = lockers.flatMap((l) => {
    if (seen.has(l.id)) return [];
    seen.add(l.id);
    return [
      {
        account_id: accountId,
        courier,
        locker_id: l.id,
        name: l.name,
        address: l.address,
        city: l.city,
        county: l.county,
        postcode: l.postcode,
        max_length_cm: l.maxSizeCm?.length ?? null,
        max_width_cm: l.maxSizeCm?.width ?? null,
        max_height_cm: l.maxSizeCm?.height ?? null,
        max_weight_grams: l.maxWeightGrams,
        refreshed_at: now,
      },
    ];
  });
  // Batches keep each INSERT under SQLite's bound-parameter limit (13 columns a row).
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('courier_lockers')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Lockers whose name, city, address or id contains the text (case-insensitive), by city. */
export async function searchLockers(
  db: Db,
  accountId: number,
  courier: string,
  text: string,
  limit: number,
) {
  let q = db
    .selectFrom('courier_lockers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('courier', '=', courier);
  // Wildcards dropped rather than escaped: SQLite and PostgreSQL escape LIKE differently.
  const like = text
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, '');
  if (like)
    q = q.where((eb) =>
      eb.or(
        (['name', 'city', 'address', 'locker_id'] as const).map((col) =>
          eb(eb.fn('lower', [col]), 'like', `%${like}%`),
        ),
      ),
    );
  return q.orderBy('city').orderBy('name').limit(limit).execute();
}

export async function findLocker(db: Db, accountId: number, courier: string, lockerId: string) {
  return db
    .selectFrom('courier_lockers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('courier', '=', courier)
    .where('locker_id', '=', lockerId)
    .executeTakeFirst();
}

/** When an account's lockers of a courier were last read (null: never). */
export async function lockersRefreshedAt(
  db: Db,
  accountId: number,
  courier: string,
): Promise<number | null> {
  const r = await db
    .selectFrom('courier_lockers')
    .select((eb) => eb.fn.max('refreshed_at').as('at'))
    .where('account_id', '=', accountId)
    .where('courier', '=', courier)
    .executeTakeFirst();
  return r?.at == null ? null : Number(r.at);
}

/**
 * Whether the account's login at this courier lists the service among its locker services
 * (option `locker_services`, saved from the last successful Test connection).
 */
export async function isLockerService(
  db: Db,
  accountId: number,
  courier: string,
  service: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('courier_accounts')
    .select('options')
    .where('account_id', '=', accountId)
    .where('courier', '=', courier)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const list = parseJsonColumn<Record<string, string>>(row?.options ?? '{}', {}).locker_services;
  return (list ?? '').split(',').includes(service);
}
