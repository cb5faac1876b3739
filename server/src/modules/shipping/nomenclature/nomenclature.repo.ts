import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { parseJsonColumn } from '../../../shared/json.js';
import type { CourierLocality } from '../couriers/courier.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The cached list of a courier's county (the courier's public data: no account scope). */
export async function findCached(
  db: Db,
  courier: string,
  countyKey: string,
): Promise<{ localities: CourierLocality[]; fetchedAt: number; fetchedBy: number } | null> {
  const row = await db
    .selectFrom('courier_localities')
    .select(['localities', 'fetched_at', 'fetched_by_account_id'])
    .where('courier', '=', courier)
    .where('county_key', '=', countyKey)
    .executeTakeFirst();
  if (!row) return null;
  return {
    localities: parseJsonColumn<CourierLocality[]>(row.localities, []),
    fetchedAt: Number(row.fetched_at),
    fetchedBy: Number(row.fetched_by_account_id),
  };
}

export async function saveCached(
  db: Db,
  courier: string,
  countyKey: string,
  localities: CourierLocality[],
  accountId: number,
  at: number,
): Promise<void> {
  const values = {
    localities: JSON.stringify(localities),
    fetched_at: at,
    fetched_by_account_id: accountId,
  };
  await db
    .insertInto('courier_localities')
    .values({ courier, county_key: countyKey, ...values })
    .onConflict((oc) => oc.columns(['courier', 'county_key']).doUpdateSet(values))
    .execute();
}

/** The (courier, county) lists fetched before `before`: due for the periodic refresh. */
export async function staleCached(db: Db, before: number, limit: number) {
  return db
    .selectFrom('courier_localities')
    .select(['courier', 'county_key', 'fetched_by_account_id'])
    .where('fetched_at', '<', before)
    .orderBy('fetched_at')
    .limit(limit)
    .execute();
}

export async function findChoice(
  db: Db,
  accountId: number,
  orderId: number,
  courier: string,
): Promise<CourierLocality | null> {
  const row = await db
    .selectFrom('order_address_choices')
    .select('locality')
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .where('courier', '=', courier)
    .executeTakeFirst();
  return row ? parseJsonColumn<CourierLocality | null>(row.locality, null) : null;
}

export async function saveChoice(
  db: Db,
  c: { accountId: number; orderId: number; courier: string; locality: CourierLocality; by: string },
): Promise<void> {
  const values = { locality: JSON.stringify(c.locality), chosen_by: c.by, created_at: Date.now() };
  await db
    .insertInto('order_address_choices')
    .values({ account_id: c.accountId, order_id: c.orderId, courier: c.courier, ...values })
    .onConflict((oc) => oc.columns(['account_id', 'order_id', 'courier']).doUpdateSet(values))
    .execute();
}
