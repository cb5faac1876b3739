import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const DAY_MS = 86_400_000;

/**
 * A sync run of the store begins: marks it running and attempted now, and on the first sync
 * fixes its window (`sync_from`, unless an earlier attempt fixed it) from the store's own
 * first-sync days, read by this same statement so that a settings change cannot slip in
 * between reading the value and using it. Returns where the run reads from.
 */
export async function beginSyncRun(
  db: Db,
  storeId: number,
  now: number,
  defaultFirstSyncDays: number,
): Promise<{
  sync_from: number | null;
  cursor_modified_at: number | null;
  cursor_id: string | null;
}> {
  return db
    .updateTable('stores')
    .set({
      sync_started_at: now,
      sync_attempted_at: now,
      sync_progress: 0,
      // bigint before multiplying: days × ms overflow PostgreSQL's integer.
      sync_from: sql<number | null>`CASE WHEN cursor_modified_at IS NULL
        THEN COALESCE(sync_from, ${now} - CAST(COALESCE(first_sync_days, ${defaultFirstSyncDays}) AS bigint) * ${sql.lit(DAY_MS)})
        ELSE sync_from END`,
    })
    .where('id', '=', storeId)
    .returning(['sync_from', 'cursor_modified_at', 'cursor_id'])
    .executeTakeFirstOrThrow();
}

/** A live (queued or running) job with this key: the jobs_dedupe index answers it. */
const liveJob = (prefix: 'store.sync:' | 'store.reconcile:') =>
  sql<boolean>`EXISTS (SELECT 1 FROM jobs j WHERE j.dedupe_key = ${prefix} || CAST(s.id AS TEXT)
    AND j.state IN ('queued', 'running'))`;

/**
 * The poller's one query, across all accounts (the poller serves every account): connected
 * stores that are owed a sync — never attempted, or their interval (own or default) has passed
 * since the last attempt, and none queued or running — or that have no reconciliation queued.
 * Flags are 0/1. Nothing due: no rows.
 */
export async function storesToPoll(
  db: Db,
  now: number,
  defaultPollSeconds: number,
): Promise<{ id: number; account_id: number; sync_due: number; reconcile_due: number }[]> {
  const flagged = db
    .selectFrom('stores as s')
    .select([
      's.id',
      's.account_id',
      sql<number>`CASE WHEN NOT ${liveJob('store.sync:')} AND (s.sync_attempted_at IS NULL
        OR s.sync_attempted_at + COALESCE(s.poll_seconds, ${defaultPollSeconds}) * 1000 <= ${now})
        THEN 1 ELSE 0 END`.as('sync_due'),
      sql<number>`CASE WHEN ${liveJob('store.reconcile:')} THEN 0 ELSE 1 END`.as('reconcile_due'),
    ])
    .where('s.status', '=', 'connected')
    .where('s.credentials', 'is not', null);
  return db
    .selectFrom(flagged.as('t'))
    .selectAll()
    .where((eb) => eb.or([eb('t.sync_due', '=', 1), eb('t.reconcile_due', '=', 1)]))
    .orderBy('t.id')
    .execute();
}
