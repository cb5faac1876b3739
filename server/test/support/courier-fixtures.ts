import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import assert from 'node:assert/strict';

/**
 * The couriers cannot be reached from here: each adapter is tested against recorded answers
 * that follow the courier's documented request and answer shapes, served by this local HTTP
 * server. A fixture pairs the request the adapter must send with the answer the courier gives;
 * the server records every request so the test asserts exactly what went out.
 *
 * Fixture files live beside the adapter: `couriers/<key>/fixtures/<operation>.json`.
 */

/** What the adapter must send; fields left out are not checked. */
export interface ExpectedRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  /** Header names in lower case; only these are compared. */
  headers?: Record<string, string>;
  json?: unknown;
  /** An urlencoded body, as ordered pairs. */
  form?: [string, string][];
  /** Multipart text fields. */
  multipart?: Record<string, string>;
}

export interface FixtureAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** One of: a JSON value, a text, bytes in base64, or a file beside the fixture. */
  json?: unknown;
  text?: string;
  base64?: string;
  file?: string;
}

export interface Fixture {
  /** What this exchange shows, for failure messages. */
  name?: string;
  request: ExpectedRequest;
  response: FixtureAnswer;
  /** Set by `loadFixture`: the folder `file` answers are read from. */
  dir?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: Buffer;
  json?: unknown;
  form?: [string, string][];
  multipart?: Record<string, string>;
}

export interface FixtureServer {
  url: string;
  /** Every request received, in order (also those no fixture answered). */
  requests: RecordedRequest[];
  /** Queues answers: each request takes the first queued fixture with its method and path. */
  serve(...fixtures: Fixture[]): void;
  /** Fixtures queued and not yet asked for. */
  pending(): Fixture[];
  close(): Promise<void>;
}

export function loadFixture(dir: string, name: string): Fixture {
  const file = path.join(dir, `${name}.json`);
  const f = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
  return { name, ...f, dir };
}

export async function startCourierFixtures(): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  let queue: Fixture[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const rec = await record(req, Buffer.concat(chunks));
        requests.push(rec);
        const i = queue.findIndex(
          (f) => f.request.method === rec.method && f.request.path === rec.path,
        );
        const fixture = i >= 0 ? queue[i] : undefined;
        if (!fixture) {
          res.writeHead(599, { 'content-type': 'text/plain' });
          res.end(`no fixture for ${rec.method} ${rec.path}`);
          return;
        }
        queue = queue.filter((_, k) => k !== i);
        const { status, headers, body } = answerOf(fixture);
        res.writeHead(status, headers);
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serve: (...f) => void queue.push(...f),
    pending: () => [...queue],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function record(req: http.IncomingMessage, body: Buffer): Promise<RecordedRequest> {
  const url = new URL(req.url ?? '/', 'http://fixture.local');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 && !key.endsWith('[]') ? (all[0] as string) : all;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const rec: RecordedRequest = {
    method: req.method ?? 'GET',
    path: decodeURIComponent(url.pathname),
    query,
    headers,
    body,
  };
  const type = headers['content-type'] ?? '';
  if (type.startsWith('application/json')) rec.json = JSON.parse(body.toString('utf8'));
  else if (type.startsWith('application/x-www-form-urlencoded'))
    rec.form = [...new URLSearchParams(body.toString('utf8'))];
  else if (type.startsWith('multipart/form-data')) {
    const fd = await new Response(new Uint8Array(body), {
      headers: { 'content-type': type },
    }).formData();
    rec.multipart = {};
    for (const [k, v] of fd.entries()) if (typeof v === 'string') rec.multipart[k] = v;
  }
  return rec;
}

function answerOf(f: Fixture): { status: number; headers: Record<string, string>; body: Buffer } {
  const r = f.response;
  const status = r.status ?? 200;
  if (r.json !== undefined)
    return {
      status,
      headers: { 'content-type': 'application/json', ...r.headers },
      body: Buffer.from(JSON.stringify(r.json)),
    };
  if (r.base64 !== undefined)
    return { status, headers: { ...r.headers }, body: Buffer.from(r.base64, 'base64') };
  if (r.file !== undefined)
    return {
      status,
      headers: { ...r.headers },
      body: readFileSync(path.join(f.dir ?? '.', r.file)),
    };
  return {
    status,
    headers: { 'content-type': 'text/plain', ...r.headers },
    body: Buffer.from(r.text ?? ''),
  };
}

/** Asserts that a recorded request is the one the fixture documents (the fields it names). */
export function expectRequest(
  actual: RecordedRequest | undefined,
  expected: ExpectedRequest,
): void {
  assert.ok(actual, `expected a ${expected.method} ${expected.path} request, none was sent`);
  assert.deepEqual(
    { method: actual.method, path: actual.path },
    { method: expected.method, path: expected.path },
  );
  if (expected.query) assert.deepEqual(actual.query, expected.query, 'query');
  for (const [k, v] of Object.entries(expected.headers ?? {}))
    assert.equal(actual.headers[k], v, `header ${k}`);
  if (expected.json !== undefined) assert.deepEqual(actual.json, expected.json, 'JSON body');
  if (expected.form) assert.deepEqual(actual.form, expected.form, 'form body');
  if (expected.multipart) assert.deepEqual(actual.multipart, expected.multipart, 'multipart body');
}
