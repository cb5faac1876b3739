import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, createPacker } from './support/factories.js';
import { listApiRoutes, type RouteInfo, routeKey, tableCounts } from './support/routes.js';
import { type Client, ownerClient, startTestApp } from './support/test-app.js';

/**
 * Every route, found from the OpenAPI document, gets malformed JSON, wrong types, unknown
 * fields, oversized bodies and strings, bad ids and bad query values. Each must answer 4xx
 * in the error shape, never 500, and leave every table as it was.
 */
describe('bad input on every route gives 4xx and changes nothing', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client;
  let routes: RouteInfo[];
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    await createPacker(owner);
    await createOrder(owner);
    routes = (await listApiRoutes(app)).filter((r) => !r.path.startsWith('/api/docs'));
  });
  after(() => app.cleanup());

  const concrete = (r: RouteInfo, id = '1') => r.path.replace(/\{[^}]+\}/g, id);

  async function expectRefused(
    r: RouteInfo,
    what: string,
    send: () => ReturnType<Client['request']>,
  ): Promise<void> {
    const res = await send();
    const label = `${routeKey(r)} — ${what}: got ${res.statusCode} ${res.body.slice(0, 200)}`;
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, label);
    const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
    assert.equal(typeof body.error?.code, 'string', label);
    assert.equal(typeof body.error?.message, 'string', label);
  }

  it('finds the routes to probe', () => {
    assert.ok(routes.length >= 10, `only ${routes.length} routes found`);
  });

  it('refuses malformed bodies', async () => {
    const before = await tableCounts(app);
    for (const r of routes.filter((x) => x.method !== 'GET' && x.method !== 'DELETE')) {
      const url = concrete(r);
      await expectRefused(r, 'malformed JSON', () =>
        owner.request(r.method, url, '{"a": ', { 'content-type': 'application/json' }),
      );
      await expectRefused(r, 'oversized body', () =>
        owner.request(r.method, url, { x: 'y'.repeat(2_000_000) }),
      );
      if (!r.hasBody) continue;
      await expectRefused(r, 'array instead of object', () =>
        owner.request(r.method, url, [1, 2, 3]),
      );
      await expectRefused(r, 'string instead of object', () =>
        owner.request(r.method, url, '"text"', { 'content-type': 'application/json' }),
      );
      await expectRefused(r, 'unknown fields', () =>
        owner.request(r.method, url, { zz_unknown_field: 1 }),
      );
      await expectRefused(r, 'numbers where text is expected', () =>
        owner.request(r.method, url, {
          name: 123,
          email: 5,
          password: 7,
          username: 8,
          pin: 9,
          order_ids: 'x',
          packer_id: 'x',
          items: 'x',
        }),
      );
      await expectRefused(r, 'oversized strings', () =>
        owner.request(r.method, url, {
          name: 'n'.repeat(100_000),
          email: `${'e'.repeat(100_000)}@x.ro`,
          password: 'p'.repeat(100_000),
          username: 'u'.repeat(100_000),
          reason: 'r'.repeat(100_000),
        }),
      );
    }
    assert.deepEqual(await tableCounts(app), before);
  });

  it('refuses bad ids in paths', async () => {
    const before = await tableCounts(app);
    for (const r of routes.filter((x) => x.pathParams.length > 0)) {
      for (const bad of ['abc', '-1', '0', '1.5', '99999999999999999999']) {
        await expectRefused(r, `id ${bad}`, () =>
          owner.request(r.method, concrete(r, bad), r.hasBody ? {} : undefined),
        );
      }
    }
    assert.deepEqual(await tableCounts(app), before);
  });

  it('refuses unknown and malformed query parameters', async () => {
    for (const r of routes.filter((x) => x.method === 'GET' && x.queryParams.length > 0)) {
      const url = concrete(r);
      await expectRefused(r, 'unknown query parameter', () => owner.get(`${url}?zz_unknown=1`));
      if (r.queryParams.includes('cursor')) {
        for (const c of [
          '!!!',
          'bm90LWpzb24',
          Buffer.from('[1,2]').toString('base64url'),
          'x'.repeat(5000),
        ]) {
          await expectRefused(r, `cursor ${c.slice(0, 10)}`, () => owner.get(`${url}?cursor=${c}`));
        }
      }
      if (r.queryParams.includes('limit')) {
        for (const l of ['abc', '0', '-5', '100000'])
          await expectRefused(r, `limit ${l}`, () => owner.get(`${url}?limit=${l}`));
      }
      for (const p of r.queryParams.filter((n) => n.endsWith('_id'))) {
        await expectRefused(r, `${p}=abc`, () => owner.get(`${url}?${p}=abc`));
      }
      for (const p of r.queryParams.filter(
        (n) => n.startsWith('created_') || n.endsWith('_from') || n.endsWith('_to'),
      )) {
        await expectRefused(r, `${p}=yesterday`, () => owner.get(`${url}?${p}=yesterday`));
      }
      if (r.queryParams.includes('status'))
        await expectRefused(r, 'status=bogus', () => owner.get(`${url}?status=bogus`));
      if (r.queryParams.includes('q'))
        await expectRefused(r, 'q too long', () => owner.get(`${url}?q=${'q'.repeat(1000)}`));
    }
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await owner.get('/api/no-such-thing');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'route_not_found');
  });
});
