import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPacker } from '../../../test/support/factories.js';
import { insertStoreOrder } from '../../../test/support/distribution.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
type Page = {
  items: {
    order: { id: number; number: string };
    code: string;
    kind: string;
    expected: { sku: string; name: string }[];
    created_at: string;
  }[];
  next_cursor: string | null;
};

/** The packer's page lists the packer's wrong scans at the station, newest first, by pages. */
describe("packers: a packer's wrong scans", () => {
  let app: App;
  let owner: Client & { accountId: number };
  let ana: { id: number; station: Client };
  let orderId: number;

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: null,
      strategy: 'least-loaded',
      enabled: false,
    });
    const p = await createPacker(owner, { name: 'Ana', pin: '123412' });
    const station = new Client(app);
    const login = await station.post('/api/auth/packer-login', {
      station_code: p.station_code,
      username: p.username,
      pin: '123412',
    });
    assert.equal(login.statusCode, 200, login.body);
    ana = { id: p.id, station };
    orderId = await insertStoreOrder(app, owner.accountId, null, {
      items: [
        { sku: 'TRC-001', quantity: 1 },
        { sku: 'CAN-200', quantity: 1 },
      ],
    });
    await owner.post(`/api/orders/${orderId}/reassign`, { packer_id: ana.id });
    assert.equal((await station.post(`/api/orders/${orderId}/confirm`)).statusCode, 200);
  });
  after(() => app.cleanup());

  const scan = (code: string) => ana.station.post(`/api/station/orders/${orderId}/scan`, { code });

  it('starts empty, then lists each wrong scan with the order and what it expected', async () => {
    const empty = await owner.get(`/api/packers/${ana.id}/wrong-scans`);
    assert.equal(empty.statusCode, 200, empty.body);
    assert.deepEqual(empty.json<Page>(), { items: [], next_cursor: null });

    assert.equal((await scan('SAP-9')).statusCode, 409);
    assert.equal((await scan('TRC-001')).statusCode, 200);
    assert.equal((await scan('TRC-001')).statusCode, 409);
    const page = (await owner.get(`/api/packers/${ana.id}/wrong-scans`)).json<Page>();
    assert.deepEqual(
      page.items.map((s) => [s.kind, s.code, s.order.id, s.expected.map((e) => e.sku)]),
      [
        ['too_many', 'TRC-001', orderId, ['TRC-001']],
        ['wrong_item', 'SAP-9', orderId, ['TRC-001', 'CAN-200']],
      ],
    );
    assert.ok(page.items.every((s) => s.created_at.endsWith('Z')));
  });

  it('pages through many scans without repeating or skipping one', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await scan(`X-${i}`)).statusCode, 409);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await owner.get(`/api/packers/${ana.id}/wrong-scans?limit=3${q}`);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json<Page>();
      seen.push(...page.items.map((s) => s.code));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ['X-4', 'X-3', 'X-2', 'X-1', 'X-0', 'TRC-001', 'SAP-9']);
    const bad = await owner.get(`/api/packers/${ana.id}/wrong-scans?cursor=nonsense`);
    assert.equal(bad.statusCode, 400);
  });

  it("another account's packer, or a packer that does not exist, is not found", async () => {
    const other = await ownerClient(app, 'Alt magazin');
    const res = await other.get(`/api/packers/${ana.id}/wrong-scans`);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'packer_not_found');
    assert.equal((await owner.get('/api/packers/999999999/wrong-scans')).statusCode, 404);
    assert.equal((await ana.station.get(`/api/packers/${ana.id}/wrong-scans`)).statusCode, 403);
  });
});
