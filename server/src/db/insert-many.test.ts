import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Insertable } from 'kysely';
import { createOrder } from '../../test/support/factories.js';
import { type Client, ownerClient, startTestApp } from '../../test/support/test-app.js';
import { insertMany } from './insert-many.js';
import type { DB } from './schema.js';

describe('insertMany', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('stores every value as given, and a column a row leaves out keeps its default', async () => {
    const db = app.database.db;
    const at = 1_764_000_000_123;
    const text = 'Ștefan „cel Mare” \'quoted\' "double" \\ back\nline';
    await insertMany(db, app.database.dialect, 'jobs', [
      {
        account_id: owner.accountId,
        kind: 'test.a',
        payload: JSON.stringify({ text }),
        state: 'queued',
        run_at: at,
        created_at: at,
        updated_at: at,
        last_error: text,
        // attempts and max_attempts left out: the table's defaults (the row type wants them).
      } as Insertable<DB['jobs']>,
      // Another shape: no last_error, and max_attempts given.
      {
        account_id: null,
        kind: 'test.b',
        payload: '{}',
        state: 'queued',
        run_at: at + 1,
        created_at: at,
        updated_at: at,
        max_attempts: 3,
      } as Insertable<DB['jobs']>,
    ]);
    const rows = await db
      .selectFrom('jobs')
      .select(['account_id', 'kind', 'payload', 'last_error', 'run_at', 'attempts', 'max_attempts'])
      .where('kind', 'like', 'test.%')
      .orderBy('kind')
      .execute();
    assert.deepEqual(rows, [
      {
        account_id: owner.accountId,
        kind: 'test.a',
        payload: JSON.stringify({ text }),
        last_error: text,
        run_at: at,
        attempts: 0,
        max_attempts: 10,
      },
      {
        account_id: null,
        kind: 'test.b',
        payload: '{}',
        last_error: null,
        run_at: at + 1,
        attempts: 0,
        max_attempts: 3,
      } as Insertable<DB['jobs']>,
    ]);
  });

  it('upserts: on a conflict only the named columns change', async () => {
    const db = app.database.db;
    const [a, b] = [await createOrder(owner), await createOrder(owner)];
    await db.deleteFrom('unassigned_orders').execute();
    const row = (orderId: number, code: string, at: number) => ({
      order_id: orderId,
      account_id: owner.accountId,
      reason_code: code,
      since_at: at,
      checked_at: at,
    });
    const up = { key: 'order_id', update: ['reason_code', 'checked_at'] };
    await insertMany(db, app.database.dialect, 'unassigned_orders', [row(a.id, 'first', 1)], up);
    await insertMany(
      db,
      app.database.dialect,
      'unassigned_orders',
      [row(a.id, 'second', 2), row(b.id, 'new', 2)],
      up,
    );
    const rows = await db
      .selectFrom('unassigned_orders')
      .select(['order_id', 'reason_code', 'since_at', 'checked_at'])
      .orderBy('order_id')
      .execute();
    assert.deepEqual(rows, [
      { order_id: a.id, reason_code: 'second', since_at: 1, checked_at: 2 },
      { order_id: b.id, reason_code: 'new', since_at: 2, checked_at: 2 },
    ]);
  });

  it('does nothing for no rows', async () => {
    await insertMany(app.database.db, app.database.dialect, 'jobs', []);
  });
});
