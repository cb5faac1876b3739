import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createPacker } from '../../../test/support/factories.js';
import { insertStore } from '../../../test/support/distribution.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { addDays, localDayOf } from '../../shared/local-days.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const code = (r: LightMyRequestResponse) =>
  `${r.statusCode} ${r.statusCode < 300 ? 'ok' : r.json<{ error: { code: string } }>().error.code}`;

async function login(app: App, body: Record<string, string>, path: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.post(path, body);
  if (res.statusCode !== 200) throw new Error(`login: ${res.body}`);
  return c;
}

const REPORTS = ['packers', 'days', 'shipping'] as const;
const URLS = REPORTS.flatMap((k) => [`/api/reports/${k}`, `/api/reports/${k}/export?format=csv`]);

describe('reports over HTTP: who may ask, which period, whose data', () => {
  let app: App;
  let owner: Client & { accountId: number };
  let manager: Client;
  let packer: Client;
  let otherStore: number;

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app, 'Magazin Rapoarte');
    await owner.post('/api/users', {
      name: 'Mara Manager',
      email: 'mara-reports@example.ro',
      password: 'manager123',
    });
    manager = await login(
      app,
      { email: 'mara-reports@example.ro', password: 'manager123' },
      '/api/auth/login',
    );
    const p = await createPacker(owner, { name: 'Ana', pin: '123412' });
    packer = await login(
      app,
      { station_code: p.station_code, username: p.username, pin: '123412' },
      '/api/auth/packer-login',
    );
    const other = await ownerClient(app, 'Alt magazin');
    otherStore = await insertStore(app, other.accountId, 'Magazinul altcuiva');
  });
  after(() => app.cleanup());

  it('refuses a packer (403) and anyone not logged in (401)', async () => {
    for (const url of URLS) {
      assert.equal(code(await packer.get(url)), '403 role_forbidden', url);
      assert.equal(code(await new Client(app).get(url)), '401 not_logged_in', url);
    }
  });

  it('refuses a period that ends before it starts, is over 400 days or names no real day', async () => {
    for (const who of [owner, manager])
      for (const url of URLS) {
        const q = url.includes('?') ? '&' : '?';
        for (const period of [
          'from=2026-11-10&to=2026-11-09',
          'from=2025-09-30&to=2026-11-04',
          'from=2026-02-30&to=2026-03-05',
          `from=${addDays(localDayOf(Date.now(), 'Europe/Bucharest'), 1)}`,
        ])
          assert.equal(code(await who.get(`${url}${q}${period}`)), '400 report_period_invalid');
        assert.equal(code(await who.get(`${url}${q}from=2026-1-5`)), '400 invalid_request', url);
      }
  });

  it('answers 404 for another account’s store', async () => {
    for (const url of URLS) {
      const q = url.includes('?') ? '&' : '?';
      assert.equal(
        code(await owner.get(`${url}${q}store_id=${otherStore}`)),
        '404 store_not_found',
      );
    }
  });

  it('asks an export for its format and a known language', async () => {
    for (const k of REPORTS) {
      assert.equal(code(await owner.get(`/api/reports/${k}/export`)), '400 invalid_request');
      assert.equal(
        code(await owner.get(`/api/reports/${k}/export?format=pdf`)),
        '400 invalid_request',
      );
      assert.equal(
        code(await owner.get(`/api/reports/${k}/export?format=csv&lang=de`)),
        '400 invalid_request',
      );
    }
  });
});
