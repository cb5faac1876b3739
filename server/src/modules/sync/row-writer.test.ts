import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Insertable } from 'kysely';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { DB } from '../../db/schema.js';
import { rowWriterFor } from './row-writer.js';

describe('the sync row writer', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('stores rows of different shapes in one call, each with its own columns', async () => {
    const at = 1_764_000_000_000;
    const base = { account_id: owner.accountId, entity: 'order', entity_id: 42, actor_label: 't' };
    // The first two have as many keys, but not the same ones; the third has fewer.
    const rows = [
      {
        ...base,
        action: 'a',
        actor_user_id: null,
        from_value: 'x',
        reason_code: 'r',
        created_at: at,
      },
      {
        ...base,
        action: 'b',
        actor_user_id: null,
        to_value: 'y',
        reason_code: 'r',
        created_at: at,
      },
      { ...base, action: 'c', created_at: at + 1 },
    ] as Insertable<DB['audit_events']>[];
    const db = app.database.db;
    await db
      .transaction()
      .execute((trx) => rowWriterFor(app.database).insert(trx, 'audit_events', rows));
    const stored = await db
      .selectFrom('audit_events')
      .select(['action', 'from_value', 'to_value', 'reason_code', 'created_at'])
      .where('entity_id', '=', 42)
      .orderBy('id')
      .execute();
    assert.deepEqual(stored, [
      { action: 'a', from_value: 'x', to_value: null, reason_code: 'r', created_at: at },
      { action: 'b', from_value: null, to_value: 'y', reason_code: 'r', created_at: at },
      { action: 'c', from_value: null, to_value: null, reason_code: null, created_at: at + 1 },
    ]);
  });
});
