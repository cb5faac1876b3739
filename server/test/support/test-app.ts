import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Config } from '../../src/config.js';
import { type App, buildApp } from '../../src/http/app.js';
import { createTestDatabase, testConfig } from './test-db.js';

/** A fresh app on a fresh database, and a way to throw both away. */
export async function startTestApp(
  overrides: Partial<Config> = {},
  opts: Parameters<typeof buildApp>[1] = {},
): Promise<App & { cleanup(): Promise<void> }> {
  const db = await createTestDatabase();
  const app = await buildApp(testConfig(db, overrides), opts);
  return {
    ...app,
    async cleanup() {
      try {
        await app.close();
      } finally {
        await db.drop();
      }
    },
  };
}

/**
 * A logged-in client over `inject` (no sockets): keeps the session cookie and sends the
 * CSRF header on state-changing requests, as the dashboard does.
 */
export class Client {
  cookie = '';
  csrf = '';

  constructor(private readonly app: App) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.http.inject({
      method,
      url,
      headers: {
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...headers,
      },
      ...(body !== undefined && { payload: body as object }),
    });
    const set = res.cookies.find((c) => c.name === 'ecomdir_session');
    if (set) this.cookie = set.value ? `ecomdir_session=${set.value}` : '';
    if (
      res.statusCode === 200 &&
      method === 'POST' &&
      url.startsWith('/api/') &&
      /\/(setup|auth\/login|auth\/packer-login)$/.test(url)
    ) {
      this.csrf = res.json<{ csrf_token: string }>().csrf_token;
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
}

let counter = 0;

/** Creates an account with its owner (through the service) and returns a logged-in owner client. */
export async function ownerClient(
  app: App,
  name = 'Magazin',
): Promise<Client & { accountId: number; email: string }> {
  counter += 1;
  const email = `owner${counter}-${Date.now()}@example.ro`;
  const { accountId } = await app.services.accounts.createAccountWithOwner({
    accountName: name,
    name: `Owner ${counter}`,
    email,
    password: 'correct horse',
    onlyIfFirst: false,
  });
  const client = new Client(app);
  const res = await client.post('/api/auth/login', { email, password: 'correct horse' });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return Object.assign(client, { accountId, email });
}
