/**
 * Error thrown for every non-2xx answer, carrying the server's `{error:{code,message}}`.
 * The dashboard shows `code` in the reader's language (`shared/error-text.ts`); `message` is
 * the server's English, kept only as a detail. `details` holds the answer's other fields
 * (e.g. `cause_code`), usable as parameters of the translated sentence.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Set from `/api/auth/me` (or a login answer); sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

export function buildQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; [key: string]: unknown };
}

async function readError(res: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = `${res.status} ${res.statusText}`.trim();
  let details: Record<string, unknown> = {};
  try {
    const body = (await res.json()) as ErrorBody;
    if (body.error && typeof body.error === 'object') {
      const { code: c, message: m, ...rest } = body.error;
      if (typeof c === 'string') code = c;
      if (typeof m === 'string') message = m;
      details = rest;
    }
  } catch {
    // Not JSON (a proxy error page, say): keep the HTTP status line.
  }
  return new ApiError(res.status, code, message, details);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await readError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * A document (PDF, ZPL) as a Blob; a refusal throws the same coded ApiError as `request`,
 * so the page shows the reader's text instead of the server's JSON in a new tab.
 */
export async function fetchDocument(path: string, query?: Query): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${query ? buildQuery(query) : ''}`, {
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await readError(res);
  return res.blob();
}

export const api = {
  get: <T>(path: string, query?: Query) =>
    request<T>('GET', path + (query ? buildQuery(query) : '')),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * A multipart upload (a file and text fields: a settlement file, a photo): the browser sets the
 * content type with its boundary; the CSRF token and the coded errors are the same as `request`'s.
 */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: form,
    });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}
