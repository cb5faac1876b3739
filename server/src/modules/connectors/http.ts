import type { z } from 'zod';
import { parseJsonBytes, textStart } from '../../shared/json-bytes.js';
import { type StoreMessage, StoreUnreachable } from './connector.js';

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

/**
 * One HTTP exchange with a store. Network errors and timeouts throw StoreUnreachable; every
 * HTTP answer, whatever its status, is returned for the connector to read. Errors never
 * carry the request headers (they hold the credential).
 */
export async function httpRequest(
  url: string,
  init: {
    method: 'GET' | 'POST' | 'PUT';
    headers: Record<string, string>;
    body?: unknown;
    timeoutMs: number;
  },
): Promise<HttpAnswer> {
  const where = `${init.method} ${url.split('?')[0]}`;
  try {
    const res = await fetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      redirect: 'follow',
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    return new HttpAnswer(res.status, Buffer.from(await res.arrayBuffer()));
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new StoreUnreachable('timeout', `${where}: no answer within ${init.timeoutMs} ms`);
    const cause =
      err instanceof Error && err.cause instanceof Error
        ? err.cause.message
        : err instanceof Error
          ? err.message
          : String(err);
    throw new StoreUnreachable('unreachable', `${where}: ${cause}`);
  }
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
    if (typeof j.code === 'string') code = j.code;
    if (typeof j.message === 'string') message = j.message;
  } catch {
    // Not JSON: the status and the start of the body say enough.
  }
  return { code, message, httpStatus: a.status, answer: snippet(a.body) };
}

export const snippet = (s: string) => (s.length > 500 ? `${s.slice(0, 500)}…` : s);

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const trimSlash = (url: string) => url.replace(/\/+$/, '');
