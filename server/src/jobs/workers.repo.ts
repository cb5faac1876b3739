import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A worker announces itself, or beats: one row per worker process, its last heartbeat. */
export async function beat(
  db: Db,
  w: { id: string; hostname: string; pid: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('workers')
    .values({ ...w, started_at: now, heartbeat_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: now }))
    .execute();
}

export async function unregister(db: Db, id: string): Promise<void> {
  await db.deleteFrom('workers').where('id', '=', id).execute();
}

/** Workers whose heartbeat has stopped: their rows go (their jobs are then orphans). */
export async function forgetSilent(db: Db, silentSince: number): Promise<number> {
  const r = await db
    .deleteFrom('workers')
    .where('heartbeat_at', '<', silentSince)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * A restarted server's own dead workers: rows of this host whose process is gone, or whose pid
 * is ours but which started before this process did (a container's pid 1 after a restart).
 * Removing them makes their jobs orphans at once instead of after WORKER_DEAD_SECONDS.
 */
export async function forgetDeadOnThisHost(
  db: Db,
  me: { id: string; hostname: string; pid: number; processStartedAt: number },
  isAlive: (pid: number) => boolean,
): Promise<number> {
  const rows = await db
    .selectFrom('workers')
    .select(['id', 'pid', 'started_at'])
    .where('hostname', '=', me.hostname)
    .where('id', '!=', me.id)
    .execute();
  const dead = rows
    .filter((r) =>
      r.pid === me.pid ? Number(r.started_at) < me.processStartedAt : !isAlive(r.pid),
    )
    .map((r) => r.id);
  if (dead.length) await db.deleteFrom('workers').where('id', 'in', dead).execute();
  return dead.length;
}

/** Workers heard from since `since`, newest beat first (`/api/health`). */
export async function liveWorkers(db: Db, since: number) {
  return db
    .selectFrom('workers')
    .select(['id', 'heartbeat_at'])
    .where('heartbeat_at', '>=', since)
    .orderBy('heartbeat_at', 'desc')
    .execute();
}

/** Whether a process of this machine exists (signal 0 checks without sending anything). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
