import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import type { UnifiedOrder } from '../connectors/unified-order.js';
import { PUSH_MAX_ATTEMPTS } from './push-retry.js';
import { OPEN_STATUSES } from './order-rows.js';

/** What the store holds of an order's packer when it disagrees with ecomdir. */
export interface StoreHolds {
  packer_id: string | null;
  packer_name: string | null;
  confirmed: boolean;
}

/**
 * Compares the packer the store holds (the feed carries the plugin's packer meta) with
 * ecomdir's for the open orders of this page that have a packer. A disagreement is kept on
 * the order (shown on its page and counted on the Stores page) and the current assignment is
 * pushed again, once per disagreement; an agreement clears it. A push still on its way shows
 * as a disagreement until it lands: the store does not hold it yet.
 */
export async function checkDivergence(
  trx: Transaction<DB>,
  accountId: number,
  storeId: number,
  orders: readonly UnifiedOrder[],
  now: number,
): Promise<{ diverged: number; repushed: number }> {
  const out = { diverged: 0, repushed: 0 };
  const latest = new Map<string, UnifiedOrder>();
  for (const u of orders) latest.set(String(u.id), u);
  if (latest.size === 0) return out;
  const rows = await trx
    .selectFrom('orders')
    .select(['id', 'external_id', 'packer_id', 'confirmed_at', 'modified_at', 'store_divergence'])
    .where('store_id', '=', storeId)
    .where('external_id', 'in', [...latest.keys()])
    .where((eb) =>
      eb.or([
        eb.and([eb('packer_id', 'is not', null), eb('status', 'in', [...OPEN_STATUSES])]),
        eb('store_divergence', 'is not', null),
      ]),
    )
    .execute();
  for (const o of rows) {
    const u = latest.get(o.external_id ?? '');
    if (!u || Date.parse(u.modified_at) < o.modified_at) continue;
    const theirs = u.packer;
    const agree =
      o.packer_id === null ||
      (theirs !== null &&
        theirs.id === String(o.packer_id) &&
        (theirs.confirmed_at !== null) === (o.confirmed_at !== null));
    if (agree) {
      if (o.store_divergence !== null)
        await trx
          .updateTable('orders')
          .set({ store_divergence: null, store_divergence_at: null })
          .where('id', '=', o.id)
          .execute();
      continue;
    }
    out.diverged += 1;
    const holds: StoreHolds = {
      packer_id: theirs?.id ?? null,
      packer_name: theirs?.name ?? null,
      confirmed: theirs?.confirmed_at != null,
    };
    const text = JSON.stringify(holds);
    if (o.store_divergence === text) continue;
    await trx
      .updateTable('orders')
      .set({
        store_divergence: text,
        ...(o.store_divergence === null && { store_divergence_at: now }),
      })
      .where('id', '=', o.id)
      .execute();
    await enqueue(trx, {
      kind: 'store.push_assignment',
      payload: { order_id: o.id },
      accountId,
      dedupeKey: `store.push_assignment:${o.id}`,
      maxAttempts: PUSH_MAX_ATTEMPTS,
    });
    out.repushed += 1;
  }
  return out;
}
