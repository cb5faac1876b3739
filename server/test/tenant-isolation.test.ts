import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, createPacker, phoneOrder } from './support/factories.js';
import { listApiRoutes, routeKey, tableCounts } from './support/routes.js';
import { type Client, ownerClient, startTestApp } from './support/test-app.js';

/**
 * A user of account A asks for every resource of account B on every route that names one.
 * The answer is always 404 (never 403, which would confirm the id exists), and B's data is
 * unchanged. A new route with an id in its path fails this test until it has a case here.
 */
describe('tenant isolation: account A never reaches account B', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let a: Client & { email: string };
  let b: Client;
  const B = {
    order: 0,
    packer: 0,
    store: 0,
    job: 0,
    packerUser: 0,
    session: '',
    shipment: 0,
    courierAccount: 0,
    batch: 0,
    penaltyType: 0,
    penalty: 0,
    codImport: 0,
  };
  /** Texts only B's data contains: no answer to A may carry one. */
  const MARKERS = ['Secretescu', 'Bsecretpacker', 'bsecretstore', '192.0.2.222', 'bsecretjob'];

  before(async () => {
    app = await startTestApp();
    a = await ownerClient(app, 'Magazin A');
    b = await ownerClient(app, 'Magazin B');
    await createPacker(a);
    await createOrder(a);
    B.packer = (await createPacker(b, { name: 'Bsecretpacker' })).id;
    B.order = (
      await createOrder(b, {
        billing: { ...(phoneOrder().billing as object), last_name: 'Secretescu' },
      })
    ).id;
    // B's store and a dead job of B's, straight in the tables (no real store behind them).
    const accountB = (b as Client & { accountId: number }).accountId;
    const now = Date.now();
    B.store = (
      await app.database.db
        .insertInto('stores')
        .values({
          account_id: accountB,
          name: 'bsecretstore',
          platform: 'woocommerce',
          url: 'https://b.example',
          status: 'connected',
          credentials: null,
          cursor_modified_at: null,
          cursor_id: null,
          sync_from: null,
          first_synced_at: null,
          sync_started_at: null,
          last_sync_at: null,
          last_error_code: null,
          last_error: null,
          error_since: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    B.job = (
      await app.database.db
        .insertInto('jobs')
        .values({
          account_id: accountB,
          kind: 'store.sync',
          payload: JSON.stringify({ store_id: B.store }),
          state: 'dead',
          attempts: 3,
          max_attempts: 3,
          run_at: now,
          locked_by: null,
          locked_at: null,
          last_error: 'bsecretjob: the store refused',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const packerUser = await app.database.db
      .selectFrom('packers')
      .select('user_id')
      .where('id', '=', B.packer)
      .executeTakeFirstOrThrow();
    B.packerUser = Number(packerUser.user_id);
    B.session = (
      await app.database.db
        .selectFrom('sessions')
        .select('id')
        .where('account_id', '=', accountB)
        .executeTakeFirstOrThrow()
    ).id;
    // B's shipment (own courier) and courier account.
    await b.request('PUT', '/api/shipping/settings', {
      sender_addresses: [
        {
          id: 'b',
          label: 'B',
          name: 'Bsecretstore',
          phone: '0700000000',
          address1: 'Str. B 1',
          city: 'Iași',
          county: 'Iași',
        },
      ],
    });
    B.shipment = (await b.post(`/api/orders/${B.order}/shipments`, {})).json<{ id: number }>().id;
    B.courierAccount = (
      await b.post('/api/shipping/courier-accounts', {
        courier: 'own',
        name: 'Bsecretstore',
        credentials: { user: 'b' },
      })
    ).json<{ id: number }>().id;
    B.batch = (await b.post('/api/shipments/bulk', { order_ids: [B.order] })).json<{
      batch_id: number;
    }>().batch_id;
    // B's penalty (with a photo) and one of B's penalty types.
    B.penaltyType =
      (await b.get('/api/penalty-types')).json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
    B.penalty = (
      await b.post('/api/penalties', { packer_id: B.packer, type_id: B.penaltyType, note: 'x' })
    ).json<{ id: number }>().id;
    await app.database.db
      .insertInto('penalty_photos')
      .values({
        penalty_id: B.penalty,
        account_id: accountB,
        file: 'none.png',
        mime: 'image/png',
        size: 1,
        created_at: now,
      })
      .execute();
    // B's COD settlement import (named with a marker: A's import list must not show it).
    B.codImport = (
      await app.database.db
        .insertInto('cod_imports')
        .values({
          account_id: accountB,
          courier: 'own',
          source: 'file',
          file_name: 'bsecretstore.csv',
          state: 'done',
          created_at: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // A failed login into B's account, which only B's owner may see.
    await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.222',
      payload: { email: (b as Client & { email: string }).email, password: 'wrong' },
    });
  });
  after(() => app.cleanup());

  /** One case per route with an id in its path: how A would ask for B's resource. */
  const cases: Record<string, () => { url: string; body?: unknown }> = {
    'GET /api/orders/{id}': () => ({ url: `/api/orders/${B.order}` }),
    'GET /api/packers/{id}': () => ({ url: `/api/packers/${B.packer}` }),
    'PATCH /api/packers/{id}': () => ({
      url: `/api/packers/${B.packer}`,
      body: { name: 'Hijacked', active: false },
    }),
    'PATCH /api/stores/{id}': () => ({
      url: `/api/stores/${B.store}`,
      body: { poll_seconds: 600, first_sync_days: 90 },
    }),
    'POST /api/stores/{id}/sync': () => ({ url: `/api/stores/${B.store}/sync` }),
    'POST /api/stores/{id}/pause': () => ({ url: `/api/stores/${B.store}/pause` }),
    'POST /api/stores/{id}/resume': () => ({ url: `/api/stores/${B.store}/resume` }),
    'POST /api/stores/{id}/remove': () => ({
      url: `/api/stores/${B.store}/remove`,
      body: { keep_orders: false },
    }),
    'GET /api/stores/{id}/quarantine': () => ({ url: `/api/stores/${B.store}/quarantine` }),
    'POST /api/orders/{id}/store-push/retry': () => ({
      url: `/api/orders/${B.order}/store-push/retry`,
    }),
    'POST /api/jobs/{id}/retry': () => ({ url: `/api/jobs/${B.job}/retry` }),
    'POST /api/orders/{id}/confirm': () => ({ url: `/api/orders/${B.order}/confirm` }),
    'POST /api/orders/{id}/reassign': () => ({
      url: `/api/orders/${B.order}/reassign`,
      body: { packer_id: B.packer },
    }),
    'GET /api/station/orders/{id}': () => ({ url: `/api/station/orders/${B.order}` }),
    'POST /api/station/orders/{id}/scan': () => ({
      url: `/api/station/orders/${B.order}/scan`,
      body: { code: 'TRC-001' },
    }),
    'DELETE /api/users/{id}': () => ({ url: `/api/users/${B.packerUser}` }),
    'DELETE /api/auth/sessions/{id}': () => ({ url: `/api/auth/sessions/${B.session}` }),
    'POST /api/packers/{id}/unlock': () => ({ url: `/api/packers/${B.packer}/unlock` }),
    'GET /api/packers/{id}/wrong-scans': () => ({ url: `/api/packers/${B.packer}/wrong-scans` }),
    'POST /api/orders/{id}/shipments': () => ({
      url: `/api/orders/${B.order}/shipments`,
      body: {},
    }),
    'GET /api/orders/{id}/shipments': () => ({ url: `/api/orders/${B.order}/shipments` }),
    'GET /api/orders/{id}/address-match': () => ({
      url: `/api/orders/${B.order}/address-match?courier=own`,
    }),
    'PUT /api/orders/{id}/address-match': () => ({
      url: `/api/orders/${B.order}/address-match`,
      body: { courier: 'own', locality: { id: null, name: 'Cluj-Napoca', county: 'Cluj' } },
    }),
    'GET /api/shipments/{id}': () => ({ url: `/api/shipments/${B.shipment}` }),
    'POST /api/shipments/{id}/mark': () => ({
      url: `/api/shipments/${B.shipment}/mark`,
      body: { status: 'delivered' },
    }),
    'POST /api/shipments/{id}/cancel': () => ({ url: `/api/shipments/${B.shipment}/cancel` }),
    'DELETE /api/shipping/courier-accounts/{id}': () => ({
      url: `/api/shipping/courier-accounts/${B.courierAccount}`,
    }),
    'PATCH /api/shipping/courier-accounts/{id}': () => ({
      url: `/api/shipping/courier-accounts/${B.courierAccount}`,
      body: { name: 'taken over' },
    }),
    'POST /api/shipping/courier-accounts/{id}/test': () => ({
      url: `/api/shipping/courier-accounts/${B.courierAccount}/test`,
    }),
    'GET /api/orders/{id}/shipping-estimates': () => ({
      url: `/api/orders/${B.order}/shipping-estimates`,
    }),
    'GET /api/shipments/batches/{id}': () => ({ url: `/api/shipments/batches/${B.batch}` }),
    'POST /api/station/orders/{id}/shipment': () => ({
      url: `/api/station/orders/${B.order}/shipment`,
    }),
    'GET /api/station/orders/{id}/label': () => ({ url: `/api/station/orders/${B.order}/label` }),
    'GET /api/shipments/slips': () => ({
      url: `/api/shipments/slips?order_ids=${B.order}&kind=packing`,
    }),
    'GET /api/shipments/labels': () => ({ url: `/api/shipments/labels?ids=${B.shipment}` }),
    'PATCH /api/penalty-types/{id}': () => ({
      url: `/api/penalty-types/${B.penaltyType}`,
      body: { name: 'Hijacked', active: false },
    }),
    'GET /api/penalties/{id}': () => ({ url: `/api/penalties/${B.penalty}` }),
    'POST /api/penalties/{id}/photo': () => ({ url: `/api/penalties/${B.penalty}/photo` }),
    'GET /api/penalties/{id}/photo': () => ({ url: `/api/penalties/${B.penalty}/photo` }),
    'POST /api/penalties/{id}/reverse': () => ({
      url: `/api/penalties/${B.penalty}/reverse`,
      body: { reason: 'x' },
    }),
    'POST /api/penalties/{id}/resolve': () => ({
      url: `/api/penalties/${B.penalty}/resolve`,
      body: { outcome: 'cancelled', comment: '' },
    }),
    'POST /api/orders/{id}/packing-error': () => ({
      url: `/api/orders/${B.order}/packing-error`,
      body: { kind: 'return' },
    }),
    'POST /api/station/penalties/{id}/contest': () => ({
      url: `/api/station/penalties/${B.penalty}/contest`,
      body: { comment: 'x' },
    }),
    'GET /api/orders/{id}/cod': () => ({ url: `/api/orders/${B.order}/cod` }),
    'GET /api/cod/imports/{id}': () => ({ url: `/api/cod/imports/${B.codImport}` }),
    // Public by design: whoever has a shipment's link sees its status (no personal data); the
    // isolation is the 128-bit random token, so a token nobody was given is not found.
    'GET /api/t/{token}': () => ({ url: `/api/t/${'x'.repeat(22)}` }),
  };

  /** Ids of B's that a route may take in its query string or body, by field name. */
  const idsOfB = (): Record<string, number> => ({
    store_id: B.store,
    packer_id: B.packer,
    order_id: B.order,
    user_id: B.packerUser,
  });

  it('has a case for every route with an id in its path', async () => {
    const withIds = (await listApiRoutes(app)).filter((r) => r.pathParams.length > 0).map(routeKey);
    const missing = withIds.filter((k) => !(k in cases));
    assert.deepEqual(
      missing,
      [],
      `add tenant-isolation cases in server/test/tenant-isolation.test.ts for: ${missing.join(', ')}`,
    );
  });

  it('answers 404 for B’s resources on every such route and changes nothing', async () => {
    const before = await tableCounts(app);
    const bOrder = (await b.get(`/api/orders/${B.order}`)).body;
    for (const [key, make] of Object.entries(cases)) {
      const method = key.split(' ')[0] as 'GET';
      const { url, body } = make();
      const res = await a.request(method, url, body);
      assert.equal(res.statusCode, 404, `${key} → ${res.statusCode} ${res.body}`);
    }
    assert.deepEqual(await tableCounts(app), before);
    assert.equal((await b.get(`/api/orders/${B.order}`)).body, bOrder);
    assert.equal(
      (await b.get(`/api/packers/${B.packer}`)).json<{ name: string; active: boolean }>().active,
      true,
    );
    assert.deepEqual(
      await app.database.db
        .selectFrom('stores')
        .select(['poll_seconds', 'first_sync_days', 'paused_at', 'removed_at', 'status'])
        .where('id', '=', B.store)
        .executeTakeFirstOrThrow(),
      {
        poll_seconds: null,
        first_sync_days: null,
        paused_at: null,
        removed_at: null,
        status: 'connected',
      },
      'B’s store settings unchanged',
    );
  });

  it('shows nothing of B on any list, with or without B’s ids in the query string', async () => {
    const lists = (await listApiRoutes(app)).filter(
      // /events is a stream (tested in events.test.ts).
      (r) => r.method === 'GET' && r.pathParams.length === 0 && r.path !== '/api/events',
    );
    assert.ok(lists.length >= 10, `only ${lists.length} lists found`);
    for (const r of lists) {
      const queries = [''];
      for (const q of r.queryParams) {
        const id = idsOfB()[q];
        if (id !== undefined) queries.push(`?${q}=${id}`);
      }
      for (const q of queries) {
        const res = await a.get(`${r.path}${q}`);
        assert.ok(res.statusCode < 500, `${r.path}${q} → ${res.statusCode}`);
        for (const m of MARKERS)
          assert.ok(!res.body.includes(m), `${r.path}${q} shows B’s “${m}”: ${res.body}`);
      }
    }
    // B sees its own (the markers are really there to be found).
    const bList = await b.get('/api/account/login-failures');
    assert.ok(bList.body.includes('192.0.2.222'));
    assert.ok((await b.get('/api/jobs/dead')).body.includes('bsecretjob'));
  });

  it('refuses B’s ids in the bodies of A’s requests', async () => {
    const before = await tableCounts(app);
    const aPacker = (await createPacker(a)).id;
    const counts = await tableCounts(app);
    const patch = await a.patch(`/api/packers/${aPacker}`, { allowed_store_ids: [B.store] });
    assert.equal(patch.statusCode, 404, patch.body);
    const aType =
      (await a.get('/api/penalty-types')).json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
    for (const body of [
      { packer_id: B.packer, type_id: aType },
      { packer_id: aPacker, type_id: B.penaltyType },
      { packer_id: aPacker, type_id: aType, order_id: B.order },
    ]) {
      const add = await a.post('/api/penalties', body);
      assert.equal(add.statusCode, 404, add.body);
    }
    const decide = await a.post('/api/penalties/decide', { ids: [B.penalty], decision: 'waive' });
    assert.deepEqual(decide.json(), {
      items: [{ id: B.penalty, ok: false, error_code: 'penalty_not_found' }],
    });
    const transfer = await a.post('/api/account/transfer-ownership', {
      user_id: B.packerUser,
      password: 'correct horse',
    });
    assert.equal(transfer.statusCode, 404, transfer.body);
    // The password asked again is counted (login_attempts); nothing else may change.
    const after = await tableCounts(app);
    assert.deepEqual({ ...after, login_attempts: 0 }, { ...counts, login_attempts: 0 });
    assert.notDeepEqual(before, counts);
  });

  it('keeps B’s orders and packers out of A’s lists, filters and search', async () => {
    const orders = (await a.get('/api/orders?limit=200'))
      .json<{ items: { id: number }[] }>()
      .items.map((o) => o.id);
    assert.ok(!orders.includes(B.order));
    assert.equal(
      (await a.get('/api/orders?q=secretescu')).json<{ items: unknown[] }>().items.length,
      0,
    );
    assert.equal(
      (await a.get(`/api/orders?packer_id=${B.packer}`)).json<{ items: unknown[] }>().items.length,
      0,
    );
    const packers = (await a.get('/api/packers'))
      .json<{ items: { id: number }[] }>()
      .items.map((p) => p.id);
    assert.ok(!packers.includes(B.packer));
    const staff = (await a.get('/api/users')).json<{ items: { email: string }[] }>().items;
    assert.deepEqual(
      staff.map((u) => u.email),
      [a.email],
      'A sees only its own team',
    );
    assert.equal((await a.get('/api/stores')).json<{ items: unknown[] }>().items.length, 0);
  });

  it('cannot assign B’s orders or assign to B’s packer in bulk', async () => {
    // B's order went to B's packer by automatic distribution; it must stay there.
    const bPacker = (await b.get(`/api/orders/${B.order}`)).json<{ packer: unknown }>().packer;
    const own = (await createOrder(a)).id;
    const toB = await a.post('/api/orders/bulk-assign', { order_ids: [own], packer_id: B.packer });
    assert.equal(toB.statusCode, 404);
    const aPacker = (await createPacker(a)).id;
    const res = await a.post('/api/orders/bulk-assign', {
      order_ids: [B.order],
      packer_id: aPacker,
    });
    assert.deepEqual(res.json<{ updated: number[]; skipped: { code: string }[] }>(), {
      updated: [],
      skipped: [{ id: B.order, code: 'order_not_found', message: 'This order was not found.' }],
    });
    assert.deepEqual(
      (await b.get(`/api/orders/${B.order}`)).json<{ packer: unknown }>().packer,
      bPacker,
    );
  });

  it('keeps B out of A’s reports and their exports', async () => {
    for (const kind of ['packers', 'days', 'shipping']) {
      for (const url of [`/api/reports/${kind}`, `/api/reports/${kind}/export?format=csv`]) {
        const q = url.includes('?') ? '&' : '?';
        const res = await a.get(url);
        assert.equal(res.statusCode, 200, `${url} → ${res.body}`);
        for (const m of MARKERS) assert.ok(!res.body.includes(m), `${url} shows B’s “${m}”`);
        const bStore = await a.get(`${url}${q}store_id=${B.store}`);
        assert.equal(bStore.statusCode, 404, `${url} with B’s store → ${bStore.statusCode}`);
      }
      // B's own packer is in B's report: the marker is really there to be missed by A.
      if (kind === 'packers')
        assert.ok((await b.get('/api/reports/packers')).body.includes('Bsecretpacker'));
    }
  });
});
