import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema.js';
import { formatOwnAwb } from './mapping.js';

/**
 * The own courier's "remote side": its AWBs by reference, in the database. Numbering is one
 * UPDATE … RETURNING on the account (the row lock on PostgreSQL, the single writer on SQLite),
 * like phone order numbers; the register makes the same reference give the same AWB.
 */
export async function awbForReference(
  db: Kysely<DB>,
  accountId: number,
  reference: string,
  prefix: string,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const known = await findAwb(trx, accountId, reference);
    if (known) return known;
    const row = await trx
      .updateTable('accounts')
      .set((eb) => ({ own_awb_seq: eb('own_awb_seq', '+', 1) }))
      .where('id', '=', accountId)
      .returning('own_awb_seq')
      .executeTakeFirstOrThrow();
    const awb = formatOwnAwb(prefix, Number(row.own_awb_seq));
    await trx
      .insertInto('own_courier_awbs')
      .values({ account_id: accountId, reference, awb, created_at: Date.now() })
      .onConflict((oc) => oc.columns(['account_id', 'reference']).doNothing())
      .execute();
    // Another caller with the same reference may have won the insert: its AWB stands.
    return (await findAwb(trx, accountId, reference)) ?? awb;
  });
}

export async function findAwb(
  db: Kysely<DB>,
  accountId: number,
  reference: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('own_courier_awbs')
    .select('awb')
    .where('account_id', '=', accountId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row?.awb ?? null;
}
