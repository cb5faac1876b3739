import type { App } from '../../src/http/app.js';
import { connectPluginConnector } from '../../src/modules/connectors/woocommerce/index.js';
import { Vault } from '../../src/modules/stores/vault.js';
import type { Client } from './test-app.js';

/** Factories go through the real HTTP API, so they exercise the same paths as users. */
export async function createPacker(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; username: string; station_code: string }> {
  const n = Math.random().toString(36).slice(2, 8);
  const res = await client.post('/api/packers', {
    name: `Packer ${n}`,
    username: `p${n}`,
    pin: '123456',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`createPacker: ${res.statusCode} ${res.body}`);
  return {
    ...res.json<{ id: number; username: string }>(),
    station_code: await stationCodeOf(client),
  };
}

/** The station code of the client's account: a packer logs in with it, a username and a PIN. */
export async function stationCodeOf(client: Client): Promise<string> {
  const me = await client.get('/api/auth/me');
  if (me.statusCode !== 200) throw new Error(`stationCodeOf: ${me.statusCode} ${me.body}`);
  return me.json<{ account: { station_code: string } }>().account.station_code;
}

/**
 * Adds a store by hand (URL and Application Password) pointing at a fake store; `extra` adds
 * fields to the request (sync settings). Returns the new store's id.
 */
export async function addStore(
  client: Client,
  store: { url: string; user: string; password: string },
  extra: object = {},
): Promise<number> {
  const res = await client.post('/api/stores', {
    connector: 'woocommerce',
    url: store.url,
    app_user: store.user,
    app_password: store.password,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`addStore: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number }>().id;
}

export function phoneOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    billing: {
      first_name: 'Maria',
      last_name: 'Popescu',
      phone: '0722 123 456',
      email: 'maria@example.ro',
      address_1: 'Str. Florilor 12',
      city: 'Cluj-Napoca',
      state: 'CJ',
      postcode: '400001',
    },
    items: [{ sku: 'TRC-001', name: 'Tricou alb', quantity: 2, unit_price: '49.90' }],
    shipping_total: '15.00',
    payment_method: 'cod',
    payment_method_title: 'Ramburs',
    ...overrides,
  };
}

export async function createOrder(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; number: string }> {
  const res = await client.post('/api/orders', phoneOrder(overrides));
  if (res.statusCode !== 201) throw new Error(`createOrder: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * Opens a connected store the way the app does: its sealed credential read from the database
 * and opened with the vault of `dataDir`. The test sites listen on 127.0.0.1, allowed here as
 * in the app's test config. Returns the store's URL and credential too, for direct requests.
 */
export async function connectStoredStore(app: App, dataDir: string, storeId: number) {
  const row = await app.database.db
    .selectFrom('stores')
    .select(['url', 'credentials'])
    .where('id', '=', storeId)
    .executeTakeFirstOrThrow();
  const creds = Vault.open(dataDir, null).openJson<{ app_user: string; app_password: string }>(
    row.credentials ?? '',
  );
  const conn = connectPluginConnector.connect(row.url, creds, {
    timeoutMs: 30_000,
    fetch: { allowPrivate: true, maxBytes: 16 * 1024 * 1024 },
  });
  return { url: row.url, creds, conn };
}
