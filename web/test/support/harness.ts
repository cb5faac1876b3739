// What every browser test needs: a built dashboard, the real server on a free port with a
// fresh SQLite database, Debian's Chromium, an API client for seeding, and the cleanup.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp, type App } from '../../../server/src/http/app.ts';
import { loadConfig } from '../../../server/src/config.ts';

export const WEB = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
export const DIST = path.join(WEB, 'dist');
export const RESULTS = path.join(WEB, 'test-results');

/** Newest modification time under a folder: a bundle older than its sources is rebuilt. */
function newest(dir: string): number {
  let t = 0;
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    t = Math.max(t, fs.statSync(path.join(dir, f)).mtimeMs);
  }
  return t;
}

function buildDashboardIfStale(): void {
  const index = path.join(DIST, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest(path.join(WEB, 'src'))) return;
  // Under a lock: test files run in parallel and may want to build at the same moment.
  execFileSync('flock', ['/tmp/ecomdir-web-build.lock', 'npx', 'vite', 'build'], {
    cwd: WEB,
    stdio: 'inherit',
  });
}

export interface Harness {
  app: App;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** `env` adds to the server's configuration (ECOMDIR_WORKER, …); `opts` to buildApp (couriers). */
export async function startHarness(
  env: Record<string, string> = {},
  opts: Parameters<typeof buildApp>[1] = {},
): Promise<Harness> {
  // Without it a launch error left the started server's handles open: the test waited out its
  // timeout (300 s) instead of saying what is missing.
  assert.ok(
    fs.existsSync(CHROMIUM),
    `${CHROMIUM} is missing: bash scripts/install-system-deps.sh installs Debian's chromium`,
  );
  buildDashboardIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-browser-test-'));
  const app = await buildApp(
    loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      WEB_DIST: DIST,
      // The tests' stores are local (127.0.0.1), which production refuses by default.
      ALLOW_PRIVATE_STORES: 'true',
      ...env,
    }),
    opts,
  );
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  assert.ok(address && typeof address === 'object');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  return {
    app,
    base: `http://127.0.0.1:${address.port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny API client for seeding: keeps the session cookie and the CSRF token. */
export class Api {
  private cookie = '';
  private csrf = '';

  constructor(private readonly base: string) {}

  async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api${route}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    const json = (text ? JSON.parse(text) : null) as T & { csrf_token?: string };
    if (json && typeof json.csrf_token === 'string') this.csrf = json.csrf_token;
    return json;
  }
}
