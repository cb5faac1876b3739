import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { Conflict, NotFound } from '../../shared/errors.js';
import { iso } from '../../shared/json.js';
import { PUSH_MAX_ATTEMPTS } from './push-retry.js';
import { listQuarantined } from './quarantine.js';

/**
 * What the dashboard shows of the store boundary: per store, the orders the store disagrees
 * on (divergences) and the orders that could not be stored (quarantine); and the owner's
 * Retry of a write-back the store refused.
 */
export class StoreBoundaryService {
  constructor(private readonly db: Kysely<DB>) {}

  async counts(accountId: number) {
    const [diverged, quarantined] = await Promise.all([
      this.db
        .selectFrom('orders')
        .select(['store_id', sql<number>`count(*)`.as('n')])
        .where('account_id', '=', accountId)
        .where('store_divergence', 'is not', null)
        .groupBy('store_id')
        .execute(),
      this.db
        .selectFrom('quarantined_orders')
        .select(['store_id', sql<number>`count(*)`.as('n')])
        .where('account_id', '=', accountId)
        .groupBy('store_id')
        .execute(),
    ]);
    const stores = await this.db
      .selectFrom('stores')
      .select('id')
      .where('account_id', '=', accountId)
      .orderBy('id')
      .execute();
    const of = (rows: { store_id: number | null; n: number }[], id: number) =>
      Number(rows.find((r) => r.store_id === id)?.n ?? 0);
    return {
      stores: stores.map((s) => ({
        store_id: s.id,
        diverged: of(diverged, s.id),
        quarantined: of(quarantined, s.id),
      })),
    };
  }

  async quarantined(accountId: number, storeId: number) {
    const store = await this.db
      .selectFrom('stores')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', '=', storeId)
      .executeTakeFirst();
    if (!store) throw new NotFound('store_not_found', `Store ${storeId} not found.`);
    const rows = await listQuarantined(this.db, accountId, storeId);
    return {
      items: rows.map((r) => ({
        external_id: r.external_id,
        number: r.number,
        reason: r.reason,
        detail: r.detail,
        since: iso(r.updated_at),
      })),
    };
  }

  /**
   * Pushes the order's current assignment to its store again (after the owner turned the
   * plugin's Owner override on, say). Only for an order the store refused or disagrees on.
   */
  async retryPush(accountId: number, orderId: number): Promise<{ queued: true }> {
    const o = await this.db
      .selectFrom('orders')
      .select(['id', 'number', 'store_id', 'packer_id', 'store_push_error', 'store_divergence'])
      .where('account_id', '=', accountId)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!o) throw new NotFound('order_not_found', 'This order was not found.');
    if (o.store_id === null || o.packer_id === null || (!o.store_push_error && !o.store_divergence))
      throw new Conflict(
        'nothing_to_push',
        `Order #${o.number}: the store already agrees with ecomdir.`,
      );
    await enqueue(this.db, {
      kind: 'store.push_assignment',
      payload: { order_id: o.id },
      accountId,
      maxAttempts: PUSH_MAX_ATTEMPTS,
    });
    return { queued: true };
  }
}
