import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type App, buildApp } from '../../http/app.js';
import { createOrder, createPacker } from '../../../test/support/factories.js';
import { Client, ownerClient } from '../../../test/support/test-app.js';
import {
  TEST_DIALECT,
  type TestDatabase,
  createTestDatabase,
  testConfig,
} from '../../../test/support/test-db.js';

interface Stream {
  next(
    type: string,
    match?: (data: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  close(): void;
}

/** Opens GET /api/events with the client's session and yields its events. */
async function openStream(app: App, client: Client): Promise<Stream> {
  const { port } = app.http.server.address() as AddressInfo;
  const seen: { type: string; data: Record<string, unknown> }[] = [];
  const waiters: (() => void)[] = [];
  const req = http.get({
    host: '127.0.0.1',
    port,
    path: '/api/events',
    headers: { cookie: client.cookie },
  });
  const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/event-stream/);
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type && data) seen.push({ type, data: JSON.parse(data) as Record<string, unknown> });
      for (const w of waiters.splice(0)) w();
    }
  });
  return {
    async next(type, match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = seen.findIndex((e) => e.type === type && match(e.data));
        if (i >= 0) return seen.splice(i, 1)[0]?.data ?? {};
        if (Date.now() > deadline) throw new Error(`no ${type} event; saw ${JSON.stringify(seen)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
    },
    close: () => req.destroy(),
  };
}

const hasOrder = (id: number) => (d: Record<string, unknown>) =>
  Array.isArray(d.order_ids) && d.order_ids.includes(id);

describe('live events (server-sent events)', () => {
  let db: TestDatabase;
  let one: App;
  let two: App;
  before(async () => {
    db = await createTestDatabase();
    one = await buildApp(testConfig(db));
    await one.http.listen({ port: 0, host: '127.0.0.1' });
    // A second process on the same database (PostgreSQL only: SQLite is one process).
    two = TEST_DIALECT === 'postgres' ? await buildApp(testConfig(db)) : one;
    if (two !== one) await two.http.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    if (two !== one) await two.close();
    await one.close();
    await db.drop();
  });

  it('tells the dashboard about new and changed orders, and a packer only about theirs', async () => {
    const owner = await ownerClient(one);
    const p = await createPacker(owner, { name: 'Ana', pin: '123412' });
    const station = new Client(one);
    await station.post('/api/auth/packer-login', {
      station_code: p.station_code,
      username: p.username,
      pin: '123412',
    });
    const dash = await openStream(one, owner);
    const queue = await openStream(one, station);
    await dash.next('ready');
    await queue.next('ready');
    const o = await createOrder(owner);
    assert.deepEqual(await dash.next('orders.changed', hasOrder(o.id)), {
      order_ids: [o.id],
      packer_ids: [p.id],
    });
    await queue.next('orders.changed', hasOrder(o.id));
    const stranger = await ownerClient(one, 'Alt cont');
    const foreign = await createOrder(stranger);
    const mine = await createOrder(owner);
    await dash.next('orders.changed', hasOrder(mine.id));
    await assert.rejects(
      dash.next('orders.changed', hasOrder(foreign.id), 300).then(() => 'seen'),
      /no orders.changed event/,
    );
    dash.close();
    queue.close();
  });

  it('carries events between processes that share one database', async () => {
    const owner = await ownerClient(one);
    const otherProcess = Object.assign(new Client(two), { cookie: owner.cookie, csrf: owner.csrf });
    const stream = await openStream(two, otherProcess);
    await stream.next('ready');
    const o = await createOrder(owner);
    await stream.next('orders.changed', hasOrder(o.id));
    stream.close();
  });

  it('refuses anonymous listeners', async () => {
    const res = await one.http.inject({ method: 'GET', url: '/api/events' });
    assert.equal(res.statusCode, 401);
  });
});
