import { type Kysely, type RawBuilder, type Transaction, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ClaimedJob {
  id: number;
  account_id: number | null;
  kind: string;
  payload: string;
  attempts: number;
  max_attempts: number;
  store_id: number | null;
}

/** Jobs of no store form one more group, turn key 0 (store ids start at 1). */
const NO_STORE = 0;

/**
 * The group (store) whose job runs next: the best priority due anywhere first, then the store
 * that has waited longest since its last claim (`job_turns`), so stores take turns however
 * many jobs one of them queued. Paused stores are left out: their jobs wait. One index probe
 * per store (`jobs_fair`): the cost grows with the number of stores, not of queued jobs.
 */
async function nextGroup(db: Db, now: number): Promise<number | null> {
  const best = (storeMatch: RawBuilder<unknown>) => sql<number | null>`(
    SELECT j.priority FROM jobs j
    WHERE j.state = 'queued' AND ${storeMatch} AND j.run_at <= ${now}
    ORDER BY j.priority, j.run_at, j.id LIMIT 1)`;
  const turn = (key: RawBuilder<unknown>) =>
    sql<number>`COALESCE((SELECT t.turn FROM job_turns t WHERE t.store_id = ${key}), 0)`;
  const r = await sql<{ store_id: number | string }>`
    SELECT g.store_id FROM (
      SELECT s.id AS store_id, ${best(sql`j.store_id = s.id`)} AS p, ${turn(sql`s.id`)} AS turn
      FROM stores s WHERE s.paused_at IS NULL
      UNION ALL
      SELECT ${NO_STORE} AS store_id, ${best(sql`j.store_id IS NULL`)} AS p,
             ${turn(sql`${NO_STORE}`)} AS turn
    ) g
    WHERE g.p IS NOT NULL
    ORDER BY g.p, g.turn, g.store_id
    LIMIT 1`.execute(db);
  const row = r.rows[0];
  return row ? Number(row.store_id) : null;
}

const inGroup = (group: number) =>
  group === NO_STORE ? sql`store_id IS NULL` : sql`store_id = ${group}`;

const returned = sql`id, account_id, kind, payload, attempts, max_attempts, store_id`;

/**
 * Records that `group` was served: it goes to the back of the line. (Two PostgreSQL workers
 * may draw the same number at once: two stores then share a place, which is harmless.)
 */
async function takeTurn(db: Db, group: number): Promise<void> {
  await sql`INSERT INTO job_turns (store_id, turn)
    VALUES (${group}, (SELECT COALESCE(MAX(t.turn), 0) + 1 FROM job_turns t))
    ON CONFLICT (store_id) DO UPDATE SET turn = excluded.turn`.execute(db);
}

const normalize = (j: ClaimedJob): ClaimedJob => ({
  ...j,
  id: Number(j.id),
  account_id: j.account_id === null ? null : Number(j.account_id),
  store_id: j.store_id === null ? null : Number(j.store_id),
});

/**
 * Takes the next due job for this worker, fairly (see nextGroup). PostgreSQL: several workers
 * claim at once; the group is chosen without locks, then `FOR UPDATE SKIP LOCKED` hands each
 * worker a different row of it; when a concurrent worker took the group's last due job, any
 * due job of an unpaused store is taken instead. SQLite: one writer, so the choice and the
 * conditional update in one transaction are the whole claim.
 */
export async function claimNext(
  db: Kysely<DB>,
  dialect: Dialect,
  workerId: string,
  now: number,
): Promise<ClaimedJob | null> {
  const set = sql`state = 'running', locked_by = ${workerId}, locked_at = ${now},
    attempts = attempts + 1, updated_at = ${now}`;
  if (dialect === 'postgres') {
    const group = await nextGroup(db, now);
    if (group === null) return null;
    // The claim and the store's turn in one statement: one commit per claim, not two.
    const claim = async (pick: RawBuilder<unknown>) =>
      (
        await sql<ClaimedJob>`
          WITH claimed AS (
            UPDATE jobs SET ${set} WHERE id = (${pick}) RETURNING ${returned}),
          turned AS (
            INSERT INTO job_turns (store_id, turn)
            SELECT COALESCE(c.store_id, ${NO_STORE}),
                   (SELECT COALESCE(MAX(t.turn), 0) + 1 FROM job_turns t)
            FROM claimed c
            ON CONFLICT (store_id) DO UPDATE SET turn = excluded.turn)
          SELECT * FROM claimed`.execute(db)
      ).rows[0];
    const job =
      (await claim(sql`SELECT id FROM jobs WHERE state = 'queued' AND ${inGroup(group)}
          AND run_at <= ${now}
          ORDER BY priority, run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`)) ??
      (await claim(sql`SELECT j.id FROM jobs j WHERE j.state = 'queued' AND j.run_at <= ${now}
          AND (j.store_id IS NULL OR NOT EXISTS (SELECT 1 FROM stores s
               WHERE s.id = j.store_id AND s.paused_at IS NOT NULL))
          ORDER BY j.priority, j.run_at, j.id LIMIT 1 FOR UPDATE SKIP LOCKED`));
    return job ? normalize(job) : null;
  }
  return db.transaction().execute(async (trx) => {
    const group = await nextGroup(trx, now);
    if (group === null) return null;
    const r = await sql<ClaimedJob>`
      UPDATE jobs SET ${set}
      WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND ${inGroup(group)}
                  AND run_at <= ${now} ORDER BY priority, run_at, id LIMIT 1)
        AND state = 'queued'
      RETURNING ${returned}`.execute(trx);
    const job = r.rows[0];
    if (!job) return null;
    await takeTurn(trx, group);
    return normalize(job);
  });
}
