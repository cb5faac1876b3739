import assert from 'node:assert/strict';
import { type FixtureServer, startCourierFixtures } from './courier-fixtures.js';
import { ownerClient, startTestApp } from './test-app.js';

/** The warehouse every courier's app test ships from. */
export const CLUJ_SENDER = {
  id: 'depozit',
  label: 'Depozit Cluj',
  name: 'Magazinul Ștefan',
  phone: '0264 000 111',
  address1: 'Str. Fabricii 3',
  city: 'Cluj-Napoca',
  county: 'Cluj',
  is_default: true,
};

/**
 * An app whose `courier` is reached at a local server of recorded answers, with an owner who
 * has a sender address and a login at that courier (added through the API, as the dashboard
 * does). The caller queues the answers on `fx` and closes both.
 */
export async function startCourierApp(
  courier: string,
  login: { name: string; credentials: Record<string, string> },
  sender: Record<string, unknown> = CLUJ_SENDER,
): Promise<{
  fx: FixtureServer;
  app: Awaited<ReturnType<typeof startTestApp>>;
  owner: Awaited<ReturnType<typeof ownerClient>>;
}> {
  const fx = await startCourierFixtures();
  const app = await startTestApp({
    couriers: { baseUrls: { [courier]: fx.url }, timeoutMs: 2000 },
  });
  const owner = await ownerClient(app);
  const settings = await owner.request('PUT', '/api/shipping/settings', {
    sender_addresses: [sender],
  });
  assert.equal(settings.statusCode, 200, settings.body);
  const account = await owner.post('/api/shipping/courier-accounts', { courier, ...login });
  assert.equal(account.statusCode, 201, account.body);
  for (const [key, value] of Object.entries(login.credentials))
    if (key.includes('password') || key.includes('key'))
      assert.ok(!account.body.includes(value), `the ${key} never comes back`);
  return { fx, app, owner };
}
