import type { z } from 'zod';
import { parseJsonBytes, textStart } from '../../shared/json-bytes.js';
import { type StoreMessage, StoreUnreachable } from './connector.js';
import { storeFetchFromEnv } from '../../config.js';
import { type FetchPolicy, safeFetch } from './safe-fetch.js';

/** A store's HTTP answer: its status and its bytes, read as text only when asked. */
export class HttpAnswer {
  private text: string | null = null;

  constructor(
    readonly status: number,
    readonly bytes: Buffer,
  ) {}

  /** The answer as text, as fetch's text() reads it. */
  get body(): string {
    return (this.text ??= this.bytes.toString('utf8', textStart(this.bytes)));
  }
}

/** How a connector's requests go out: the deadline, and what the fetch policy allows. */
export interface RequestOptions {
  timeoutMs: number;
  fetch?: FetchPolicy;
}

/**
 * For connectors used without a policy (tests, benches): the environment's ALLOW_PRIVATE_STORES
 * and STORE_MAX_ANSWER_MB, else public addresses only and 16 MB. The app passes its config's.
 */
let envPolicy: FetchPolicy | undefined;
const defaultPolicy = () => (envPolicy ??= storeFetchFromEnv());

/**
 * One HTTP exchange with a store (see safe-fetch.ts for the address checks and the cap).
 * Network errors and timeouts throw StoreUnreachable with a stable code; every HTTP answer,
 * whatever its status, is returned for the connector to read. Errors never carry the request
 * headers (they hold the credential).
 */
export async function httpRequest(
  url: string,
  init: {
    method: 'GET' | 'POST' | 'PUT';
    headers: Record<string, string>;
    body?: unknown;
  } & RequestOptions,
): Promise<HttpAnswer> {
  const a = await safeFetch(
    url,
    {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      timeoutMs: init.timeoutMs,
    },
    init.fetch ?? defaultPolicy(),
  );
  return new HttpAnswer(a.status, a.bytes);
}

/** 5xx means the store is failing, not refusing: throw so the work is retried. */
export function throwIfServerError(a: HttpAnswer, where: string): void {
  if (a.status >= 500)
    throw new StoreUnreachable('server_error', `${where}: HTTP ${a.status} ${snippet(a.body)}`);
}

/** The JSON answer checked against its contract shape; anything else is a bad answer. */
export function parseAnswer<T>(a: HttpAnswer, schema: z.ZodType<T>, where: string): T {
  let json: unknown;
  try {
    // From the bytes: a large answer is never made one string (see shared/json-bytes.ts).
    json = parseJsonBytes(a.bytes);
  } catch {
    throw new StoreUnreachable(
      'bad_answer',
      `${where}: the answer is not JSON (${a.bytes.length} bytes): ${snippet(a.body)}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreUnreachable(
      'bad_answer',
      `${where}: unexpected answer at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** A refusal as the owner should read it: WordPress's {code, message} when present. */
export function refusal(a: HttpAnswer, fallbackCode: string): StoreMessage {
  let code = fallbackCode;
  let message = `HTTP ${a.status}`;
  try {
    const j = JSON.parse(a.body) as { code?: unknown; message?: unknown };
    if (typeof j.code === 'string' && /^[a-z0-9_.-]{1,64}$/i.test(j.code)) code = j.code;
    if (typeof j.message === 'string') message = snippet(j.message);
  } catch {
    // Not JSON: the status and the start of the body say enough.
  }
  return { code, message, httpStatus: a.status, answer: snippet(a.body) };
}

/**
 * A short, sanitized excerpt of a store's answer for people to read: tags and control
 * characters removed, blanks collapsed, at most 200 characters. The answer itself is never
 * echoed (it could be anything the address returned).
 */
export const snippet = (s: string): string => {
  const clean = s
    .slice(0, 4000)
    .replace(/<[^>]*>/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
};

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const trimSlash = (url: string) => url.replace(/\/+$/, '');
