import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Write-back jobs are retried until they land or the store is removed: their backoff is
 * capped at an hour (jobs/backoff.ts), so this many attempts is years of hourly tries —
 * in practice never dead for a transient or credential failure (issue 11).
 */
export const PUSH_MAX_ATTEMPTS = 100_000;

/** The store answers that mean "not now" rather than "no": the push waits and is retried. */
export const TRANSIENT_REFUSALS = new Set([
  'credentials_rejected',
  'plugin_missing',
  'rest_cookie_invalid_nonce',
  'too_many_requests',
]);

/**
 * After the owner connected the store again (new application password), every write-back
 * waiting for it is retried at once instead of at the end of its backoff. Pushes name their
 * order, not the store, so the account's waiting pushes all go (a push that did not need it
 * lands sooner; nothing else changes).
 */
export async function retryPendingPushes(
  db: Kysely<DB> | Transaction<DB>,
  accountId: number,
  now: number,
): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ run_at: now, updated_at: now })
    .where('account_id', '=', accountId)
    .where('state', '=', 'queued')
    .where('kind', 'in', ['store.push_assignment', 'store.push_shipment'])
    .where('run_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Codes of a write-back that waits and retries by itself (writeback.ts records them). */
export function isWaitingCode(code: string): boolean {
  return (
    TRANSIENT_REFUSALS.has(code) ||
    ['store_paused', 'timeout', 'unreachable', 'server_error', 'bad_answer'].includes(code)
  );
}
