/**
 * The one HTTP function the couriers' clients use (the "proxy" of the Karrio design): it only
 * sends a request and hands back status, headers and bytes. Interpreting the answer (an error
 * carried in an HTTP 200, a token refused) is the adapter's mapping. A network failure or a
 * timeout throws `CourierUnreachable`: the core then does not know whether the courier acted.
 */

export type QueryValue = string | number | boolean | readonly (string | number)[];

export interface CourierRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to the base URL ("/api/awb", "reports/awb/tracking"). */
  path: string;
  /** Arrays repeat the key as given (`{'awbs[]': ['1', '2']}` → `awbs[]=1&awbs[]=2`). */
  query?: Record<string, QueryValue | undefined>;
  headers?: Record<string, string>;
  /** One body at most: JSON, an urlencoded form (pairs keep their order) or multipart fields. */
  json?: unknown;
  form?: readonly (readonly [string, string])[];
  multipart?: Record<string, string>;
}

export interface CourierAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
  text(): string;
  /** The body as JSON, or undefined when it is not JSON. */
  json(): unknown;
}

export class CourierUnreachable extends Error {
  constructor(
    readonly courier: string,
    cause: unknown,
  ) {
    super(`${courier} did not answer`, { cause });
    this.name = 'CourierUnreachable';
  }
}

/** Labels are the largest answers (a few MB for a bulk PDF); anything past this is refused. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export interface CourierHttpOptions {
  /** The courier's key, for errors ("fan", "sameday"). */
  courier: string;
  baseUrl: string;
  timeoutMs: number;
}

export class CourierHttp {
  private readonly base: string;

  constructor(private readonly opts: CourierHttpOptions) {
    this.base = opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`;
  }

  async send(req: CourierRequest): Promise<CourierAnswer> {
    const url = new URL(req.path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    const headers = new Headers(req.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    let body: string | FormData | undefined;
    if (req.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(req.form.map(([k, v]) => [k, v])).toString();
    } else if (req.multipart) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(req.multipart)) fd.append(k, v);
      body = fd;
    }
    let res: Response;
    let bytes: Uint8Array;
    try {
      res = await fetch(url, {
        method: req.method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      bytes = await readCapped(res);
    } catch (e) {
      throw new CourierUnreachable(this.opts.courier, e);
    }
    return answer(res.status, res.headers, bytes);
  }
}

async function readCapped(res: Response): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_ANSWER_BYTES) throw new Error('answer too large');
  const buf = new Uint8Array(await res.arrayBuffer());
  if (buf.byteLength > MAX_ANSWER_BYTES) throw new Error('answer too large');
  return buf;
}

function answer(status: number, headers: Headers, body: Uint8Array): CourierAnswer {
  let text: string | null = null;
  const asText = () => (text ??= new TextDecoder().decode(body));
  return {
    status,
    headers,
    body,
    text: asText,
    json() {
      try {
        return JSON.parse(asText()) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}
