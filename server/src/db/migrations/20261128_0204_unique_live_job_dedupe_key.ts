import { sql } from 'kysely';
import { type AnyDb } from './helpers.js';

/**
 * At most one live (queued or running) job per dedupe key, enforced by the database: two
 * processes polling at the same moment cannot both queue a sync of the same store.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`CREATE UNIQUE INDEX jobs_live_dedupe ON jobs (dedupe_key) WHERE state IN ('queued', 'running') AND dedupe_key IS NOT NULL`.execute(
    db,
  );
}
