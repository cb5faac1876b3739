import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB, OrderStatus } from '../../db/schema.js';
import type { OrderForDistribution } from './distribution.repo.js';
import { notIndexed } from '../../db/not-indexed.js';

type Db = Kysely<DB> | Transaction<DB>;

/* The writes of a distribution run, batched where a run touches thousands of orders. */

export async function endAssignments(
  db: Db,
  accountId: number,
  orderIds: number[],
  at: number,
): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 500) {
    await db
      .updateTable('assignments')
      .set({ ended_at: at })
      .where(notIndexed('account_id'), '=', accountId)
      .where('order_id', 'in', orderIds.slice(i, i + 500))
      .where('ended_at', 'is', null)
      .execute();
  }
}

/**
 * Moves one unconfirmed order to a packer (or to nobody), on condition that it is still in
 * the state it was read in. False: someone changed it meanwhile.
 */
export async function moveOrder(
  db: Db,
  accountId: number,
  o: OrderForDistribution,
  packerId: number | null,
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('orders')
    .set({
      packer_id: packerId,
      assigned_at: packerId === null ? null : now,
      assigned_by_hand: 0,
      status: packerId === null ? 'new' : 'assigned',
      updated_at: now,
    })
    .where('account_id', '=', accountId)
    .where('id', '=', o.id)
    .where('status', '=', o.status as OrderStatus)
    .where('confirmed_at', 'is', null)
    .where('packer_id', o.packerId === null ? 'is' : '=', o.packerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Assigns new orders in bulk: one conditional UPDATE per 200 orders (a CASE picks each
 * order's packer) that only touches orders still new and unassigned, and returns the ids it
 * changed. Thousands of single-row statements cost more than the decisions themselves.
 */
export async function assignNewOrders(
  db: Db,
  accountId: number,
  rows: { id: number; packerId: number }[],
  now: number,
): Promise<Set<number>> {
  const won = new Set<number>();
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const cases = sql.join(
      chunk.map((r) => sql`WHEN ${r.id} THEN CAST(${r.packerId} AS bigint)`),
      sql` `,
    );
    const updated = await db
      .updateTable('orders')
      .set({
        packer_id: sql<number>`CASE id ${cases} END`,
        status: 'assigned',
        assigned_at: now,
        assigned_by_hand: 0,
        updated_at: now,
      })
      .where(notIndexed('account_id'), '=', accountId)
      .where(
        'id',
        'in',
        chunk.map((r) => r.id),
      )
      .where('status', '=', 'new')
      .where('packer_id', 'is', null)
      .where('confirmed_at', 'is', null)
      .returning('id')
      .execute();
    for (const u of updated) won.add(u.id);
  }
  return won;
}
