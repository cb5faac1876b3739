import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestApp } from './support/test-app.js';
import { TEST_DIALECT } from './support/test-db.js';

describe('/api/health', () => {
  it('names the database in use when it answers', async () => {
    const app = await startTestApp();
    try {
      const res = await app.http.inject({ url: '/api/health' });
      assert.equal(res.statusCode, 200);
      // No worker runs in tests until started: health says so (the dashboard warns).
      assert.deepEqual(res.json(), {
        status: 'ok',
        database: TEST_DIALECT,
        workers: { alive: 0, last_heartbeat_at: null },
      });
    } finally {
      await app.cleanup();
    }
  });

  it('answers 503 in the error shape when the database does not', async () => {
    const app = await startTestApp();
    try {
      await app.database.destroy();
      const res = await app.http.inject({ url: '/api/health' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'database_unavailable');
    } finally {
      await app.http.close();
      await app.cleanup().catch(() => undefined);
    }
  });
});
