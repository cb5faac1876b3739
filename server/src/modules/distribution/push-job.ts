import type { Insertable } from 'kysely';
import type { JobsTable } from '../../db/schema.js';
import type { JobPriority } from '../../jobs/job-kinds.js';
import { PUSH_MAX_ATTEMPTS } from '../sync/push-retry.js';

/**
 * The outbox row that tells the store about an order's packer (the sync module's worker
 * sends it). Written in the transaction that changes the assignment; the worker reads the
 * order's current assignment when it runs, so the payload only names the order (and says
 * when the change was an owner override of a confirmed order). `storeId` and `priority` let
 * the job queue take turns across stores and put a user's action before bulk write-backs.
 */
export function pushAssignmentJob(
  accountId: number,
  orderId: number,
  override: boolean,
  now: number,
  storeId: number,
  priority: JobPriority,
): Insertable<JobsTable> {
  return {
    account_id: accountId,
    store_id: storeId,
    priority,
    kind: 'store.push_assignment',
    payload: JSON.stringify(
      override ? { order_id: orderId, override: true } : { order_id: orderId },
    ),
    state: 'queued',
    attempts: 0,
    // Retried until it lands or the store is removed (sync/push-retry.ts).
    max_attempts: PUSH_MAX_ATTEMPTS,
    run_at: now,
    locked_by: null,
    locked_at: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
}
