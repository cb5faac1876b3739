import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enqueue } from '../../jobs/jobs.repo.js';
import { type ConnectedStore, startConnectedStore } from '../../../test/support/connected-store.js';
import { createPacker } from '../../../test/support/factories.js';

/** Live updates arrive right after the commit (SQLite) or by NOTIFY a moment later (PostgreSQL). */
async function until(ok: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`not seen within 5 s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('writing back to the store (outbox jobs)', () => {
  let h: ConnectedStore;
  let app: ConnectedStore['app'];
  let store: ConnectedStore['store'];
  let owner: ConnectedStore['owner'];
  const orderId = (external: number) => h.idOf(external);
  const jobs = () =>
    app.database.db
      .selectFrom('jobs')
      .select(['id', 'kind', 'state', 'attempts', 'last_error'])
      .where('kind', 'like', 'store.push%')
      .orderBy('id')
      .execute();

  before(async () => {
    // Not distributed automatically: these tests assign by hand.
    h = await startConnectedStore(5, (s) => {
      for (const o of s.orders.values()) o.status = 'on-hold';
    });
    ({ app, store, owner } = h);
    await app.worker.runUntilIdle();
  });
  after(() => h.close());

  it('pushes an assignment, then its confirmation, to the store order', async () => {
    const a = await createPacker(owner, { name: 'Ana Packer' });
    const id = await orderId(1);
    assert.equal(
      (await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id })).statusCode,
      200,
    );
    await app.worker.runUntilIdle();
    assert.deepEqual(
      [
        store.orders.get(1)?.packer?.id,
        store.orders.get(1)?.packer?.name,
        store.orders.get(1)?.packer?.confirmed_at,
      ],
      [String(a.id), 'Ana Packer', null],
    );
    assert.equal((await owner.post(`/api/orders/${id}/confirm`)).statusCode, 200);
    await app.worker.runUntilIdle();
    assert.ok(store.orders.get(1)?.packer?.confirmed_at, 'the store knows the order is confirmed');
    assert.ok((await jobs()).every((j) => j.state === 'done'));
  });

  it('keeps the store refusal (packer lock) on the order and in its audit trail', async () => {
    const b = await createPacker(owner, { name: 'Bogdan Packer' });
    const id = await orderId(1);
    // The owner's order page hears of the refusal (a live update), not only on a reload.
    const heard: number[][] = [];
    const stop = app.services.events.subscribe((e) => heard.push(e.order_ids ?? []));
    const res = await owner.post(`/api/orders/${id}/reassign`, {
      packer_id: b.id,
      override: true,
      reason: 'Ana is ill',
    });
    assert.equal(res.statusCode, 200, res.body);
    // The move itself is announced first (it may arrive a moment later): then only the store's.
    await until(() => heard.some((ids) => ids.includes(id)), 'the move is announced');
    heard.length = 0;
    await app.worker.runUntilIdle();
    await until(() => heard.some((ids) => ids.includes(id)), 'the refusal is announced');
    heard.length = 0;
    const o = await app.database.db
      .selectFrom('orders')
      .select(['store_push_error', 'store_push_error_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(o.store_push_error ?? '', /^ecomdir_packer_locked: /);
    const shown = (await owner.get(`/api/orders/${id}`)).json<{
      store_push_error: { message: string; at: string } | null;
    }>();
    assert.match(shown.store_push_error?.message ?? '', /^ecomdir_packer_locked: /);
    assert.ok(shown.store_push_error?.at.endsWith('Z'));
    const audit = await app.database.db
      .selectFrom('audit_events')
      .select(['action', 'to_value'])
      .where('entity_id', '=', id)
      .where('action', '=', 'store_refused')
      .execute();
    assert.deepEqual(audit, [{ action: 'store_refused', to_value: 'ecomdir_packer_locked' }]);
    // The shop turns the owner override on; pushing again succeeds and clears the refusal.
    store.overrideAllowed = true;
    await enqueue(app.database.db, {
      kind: 'store.push_assignment',
      payload: { order_id: id },
      accountId: owner.accountId,
    });
    await app.worker.runUntilIdle();
    assert.equal(store.orders.get(1)?.packer?.name, 'Bogdan Packer');
    await until(() => heard.some((ids) => ids.includes(id)), 'the landing is announced');
    stop();
    const cleared = await app.database.db
      .selectFrom('orders')
      .select('store_push_error')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(cleared.store_push_error, null);
    assert.equal(
      (await owner.get(`/api/orders/${id}`)).json<{ store_push_error: unknown }>().store_push_error,
      null,
    );
  });

  it('retries an unreachable store with backoff, then lists the job as dead; Retry runs it again', async () => {
    const p = await createPacker(owner);
    const id = await orderId(2);
    store.faults.push('500', '500');
    await owner.post(`/api/orders/${id}/reassign`, { packer_id: p.id });
    const db = app.database.db;
    await db.updateTable('jobs').set({ max_attempts: 2 }).where('state', '=', 'queued').execute();
    await app.worker.runUntilIdle();
    let job = (await jobs()).at(-1);
    assert.equal(job?.state, 'queued');
    const r = await db
      .selectFrom('jobs')
      .select('run_at')
      .where('id', '=', job?.id ?? 0)
      .executeTakeFirstOrThrow();
    assert.ok(r.run_at > Date.now() + 1000, 'the retry waits (backoff)');
    await db
      .updateTable('jobs')
      .set({ run_at: Date.now() })
      .where('id', '=', job?.id ?? 0)
      .execute();
    await app.worker.runUntilIdle();
    job = (await jobs()).at(-1);
    assert.equal(job?.state, 'dead');
    const dead = (await owner.get('/api/jobs/dead')).json<{
      items: { id: number; kind: string; last_error: string }[];
    }>().items;
    assert.equal(dead[0]?.id, job?.id);
    assert.match(dead[0]?.last_error ?? '', /HTTP 500/);
    assert.equal((await owner.post(`/api/jobs/${job?.id}/retry`)).statusCode, 204);
    await app.worker.runUntilIdle();
    assert.equal((await jobs()).at(-1)?.state, 'done');
    assert.equal(store.orders.get(2)?.packer?.id, String(p.id));
    assert.equal((await owner.get('/api/jobs/dead')).json<{ items: unknown[] }>().items.length, 0);
  });

  it('an order deleted in the store is marked so (and cancelled) when a push finds it gone', async () => {
    const p = await createPacker(owner);
    const id = await orderId(3);
    store.orders.delete(3);
    await owner.post(`/api/orders/${id}/reassign`, { packer_id: p.id });
    await app.worker.runUntilIdle();
    const o = await app.database.db
      .selectFrom('orders')
      .select(['store_status', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(o, { store_status: 'deleted', status: 'cancelled' });
  });
});
