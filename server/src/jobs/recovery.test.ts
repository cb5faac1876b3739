import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { insertStore } from '../../test/support/distribution.js';
import { ownerClient, startTestApp } from '../../test/support/test-app.js';
import type { JobHandlers } from './job-kinds.js';
import { enqueue } from './jobs.repo.js';
import { JobLost, JobWorker } from './worker.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// A lease far longer than any test: a takeover must come from the heartbeat, not the lease.
const opts = { pollMs: 10, leaseMs: 300_000, heartbeatMs: 100, deadMs: 600, concurrency: 1 };

describe('recovery of jobs whose worker died', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  // Jobs name a real store: the claim serves stores that exist (a removed store's jobs go with it).
  const stores: number[] = [];
  before(async () => {
    app = await startTestApp();
    const owner = await ownerClient(app);
    for (let i = 0; i < 3; i++) stores.push(await insertStore(app, owner.accountId, `S${i}`));
  });
  after(() => app.cleanup());

  const handlersWith = (sync: JobHandlers['store.sync']): JobHandlers => ({
    'store.sync': sync,
    'store.reconcile': () => Promise.resolve(),
    'store.push_assignment': () => Promise.resolve(),
    'store.push_shipment': () => Promise.resolve(),
    'shipment.track': () => Promise.resolve(),
    'shipment.generate': () => Promise.resolve(),
    'nomenclature.refresh': () => Promise.resolve(),
    'courier.refresh_lockers': () => Promise.resolve(),
    'cod.import': () => Promise.resolve(),
    'reports.daily_mail': () => Promise.resolve(),
  });
  const health = async () =>
    (await app.http.inject({ method: 'GET', url: '/api/health' })).json<{
      status: string;
      workers: { alive: number; last_heartbeat_at: string | null };
    }>();
  const jobRow = (id: number) =>
    app.database.db
      .selectFrom('jobs')
      .select(['state', 'locked_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('health reports the live workers: none, one, none after it stops', async () => {
    assert.deepEqual((await health()).workers, { alive: 0, last_heartbeat_at: null });
    const w = new JobWorker(
      app.database.db,
      app.database.dialect,
      handlersWith(() => Promise.resolve()),
      opts,
      quiet,
    );
    w.start();
    for (let i = 0; i < 100 && (await health()).workers.alive === 0; i++) await sleep(10);
    const h = await health();
    assert.equal(h.status, 'ok');
    assert.equal(h.workers.alive, 1);
    assert.ok(h.workers.last_heartbeat_at);
    await w.stop();
    assert.equal((await health()).workers.alive, 0, 'a stopped worker leaves');
  });

  it('a job held by a worker that stopped beating is taken over within seconds', async () => {
    const db = app.database.db;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const ranBy: string[] = [];
    let lost = false;
    const a = new JobWorker(
      db,
      app.database.dialect,
      handlersWith(async (_p, ctx) => {
        ranBy.push('a');
        await gate;
        await ctx.heartbeat().catch((err: unknown) => {
          lost = err instanceof JobLost;
        });
      }),
      opts,
      quiet,
    );
    const b = new JobWorker(
      db,
      app.database.dialect,
      handlersWith(() => {
        ranBy.push('b');
        return Promise.resolve();
      }),
      opts,
      quiet,
    );
    const id = await enqueue(db, {
      kind: 'store.sync',
      payload: { store_id: stores[0] ?? 0 },
      accountId: null,
    });
    a.start();
    for (let i = 0; i < 200 && ranBy.length === 0; i++) await sleep(5);
    assert.deepEqual(await jobRow(id), { state: 'running', locked_by: a.id });
    // A dies (kill -9 on another machine): its heartbeat stops, its job stays "running".
    a.die();
    const diedAt = Date.now();
    b.start();
    for (let i = 0; i < 500 && !ranBy.includes('b'); i++) await sleep(10);
    const took = Date.now() - diedAt;
    assert.ok(ranBy.includes('b'), 'another worker ran it');
    assert.ok(took < 3000, `taken over after ${took} ms (the lease is 300 s)`);
    for (let i = 0; i < 100 && (await jobRow(id)).state !== 'done'; i++) await sleep(10);
    assert.deepEqual(await jobRow(id), { state: 'done', locked_by: null });
    // The old worker wakes up: its heartbeat learns the job is gone, its finish changes nothing.
    release();
    await a.stop();
    await b.stop();
    assert.equal(lost, true);
    assert.deepEqual(await jobRow(id), { state: 'done', locked_by: null });
  });

  it('a restarted server reclaims the jobs of its own dead process at once', async () => {
    const db = app.database.db;
    // A process of this machine that has exited: its pid is free (the killed server).
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    assert.ok(dead.pid);
    const now = Date.now();
    await db
      .insertInto('workers')
      .values({
        id: `${os.hostname()}:${dead.pid}:old`,
        hostname: os.hostname(),
        pid: dead.pid ?? 0,
        started_at: now - 60_000,
        // It beat a moment ago: waiting for its silence would take WORKER_DEAD_SECONDS.
        heartbeat_at: now,
      })
      .execute();
    const id = await enqueue(db, {
      kind: 'store.sync',
      payload: { store_id: stores[1] ?? 0 },
      accountId: null,
    });
    await db
      .updateTable('jobs')
      .set({ state: 'running', locked_by: `${os.hostname()}:${dead.pid}:old`, locked_at: now })
      .where('id', '=', id)
      .execute();
    const ran: number[] = [];
    const w = new JobWorker(
      db,
      app.database.dialect,
      handlersWith((p) => {
        ran.push(p.store_id);
        return Promise.resolve();
      }),
      { ...opts, deadMs: 60_000 },
      quiet,
    );
    assert.equal(await w.runOne(), true, 'the first claim of the new server takes it');
    assert.deepEqual(ran, [stores[1]]);
    assert.deepEqual(await jobRow(id), { state: 'done', locked_by: null });
    await w.stop();
    const rows = await db.selectFrom('workers').select('id').execute();
    assert.deepEqual(rows, [], 'the dead process’s row is gone');
  });

  it('does not take a job from a live worker of another machine', async () => {
    const db = app.database.db;
    const now = Date.now();
    await db
      .insertInto('workers')
      .values({
        id: 'other-host:1:x',
        hostname: 'other-host',
        pid: 1,
        started_at: now,
        heartbeat_at: now,
      })
      .execute();
    const id = await enqueue(db, {
      kind: 'store.sync',
      payload: { store_id: stores[2] ?? 0 },
      accountId: null,
    });
    await db
      .updateTable('jobs')
      .set({ state: 'running', locked_by: 'other-host:1:x', locked_at: now })
      .where('id', '=', id)
      .execute();
    const w = new JobWorker(
      db,
      app.database.dialect,
      handlersWith(() => Promise.resolve()),
      opts,
      quiet,
    );
    assert.equal(await w.runOne(), false);
    assert.deepEqual(await jobRow(id), { state: 'running', locked_by: 'other-host:1:x' });
    await w.stop();
    await db.deleteFrom('workers').execute();
    await db.deleteFrom('jobs').where('id', '=', id).execute();
  });
});
