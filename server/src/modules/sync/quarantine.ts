import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A store order that could not be stored, and why (a code and the field or refusal). */
export interface Refused {
  external_id: string;
  number: string;
  reason: 'value_out_of_range' | 'store_rejected_row';
  detail: string;
}

/** Keeps the orders that could not be stored, once per (store, order): the latest reason wins. */
export async function quarantine(
  db: Db,
  accountId: number,
  storeId: number,
  refused: readonly Refused[],
  now: number,
): Promise<void> {
  for (const r of refused) {
    await db
      .insertInto('quarantined_orders')
      .values({
        account_id: accountId,
        store_id: storeId,
        external_id: r.external_id,
        number: r.number.slice(0, 100),
        reason: r.reason,
        detail: r.detail.slice(0, 300),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['store_id', 'external_id']).doUpdateSet({
          reason: r.reason,
          detail: r.detail.slice(0, 300),
          updated_at: now,
        }),
      )
      .execute();
  }
}

/** Orders of the store stored at last leave the quarantine. */
export async function release(
  db: Db,
  storeId: number,
  externalIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < externalIds.length; i += 500)
    await db
      .deleteFrom('quarantined_orders')
      .where('store_id', '=', storeId)
      .where('external_id', 'in', externalIds.slice(i, i + 500))
      .execute();
}

export async function hasQuarantined(db: Db, storeId: number): Promise<boolean> {
  const r = await db
    .selectFrom('quarantined_orders')
    .select('id')
    .where('store_id', '=', storeId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function listQuarantined(db: Db, accountId: number, storeId?: number) {
  return db
    .selectFrom('quarantined_orders')
    .select(['store_id', 'external_id', 'number', 'reason', 'detail', 'updated_at'])
    .where('account_id', '=', accountId)
    .$if(storeId !== undefined, (q) => q.where('store_id', '=', storeId ?? 0))
    .orderBy('id')
    .limit(200)
    .execute();
}
