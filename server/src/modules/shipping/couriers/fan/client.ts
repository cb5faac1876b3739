import type { HttpCourierOptions } from '../builtin.js';
import type { CourierContext, CourierOutcome } from '../courier.js';
import {
  type CourierAnswer,
  CourierHttp,
  type CourierRequest,
  CourierUnreachable,
} from '../http/courier-http.js';
import { CourierSessions, type LoginResult } from '../http/sessions.js';
import { bucharestMs } from './mapping.js';
import { FAN_HOST, FAN_KEY } from './settings.js';

/** When FAN gives no readable expiry, the token is trusted this long (FAN's tokens live 24 h). */
const FALLBACK_TOKEN_MS = 12 * 60 * 60_000;

/**
 * FAN's HTTP side, nothing else: a login (multipart user and password → a bearer token, cached
 * per credentials by `CourierSessions`, renewed once when FAN answers 401) and the calls.
 */
export class FanClient {
  private readonly http: CourierHttp;
  private readonly baseUrl: string;

  constructor(
    opts: HttpCourierOptions,
    private readonly sessions: CourierSessions = new CourierSessions(),
    private readonly now: () => number = Date.now,
  ) {
    this.baseUrl = opts.baseUrl ?? FAN_HOST;
    this.http = new CourierHttp({
      courier: FAN_KEY,
      baseUrl: this.baseUrl,
      timeoutMs: opts.timeoutMs,
    });
  }

  /** The client id AWBs are billed to: the account's chosen branch, else the login's. */
  clientId(ctx: CourierContext): string {
    return (ctx.options.client_id ?? ctx.credentials?.client_id ?? '').trim();
  }

  /** Sends a request with a valid token; a refused login or token comes back as data. */
  async send(
    ctx: CourierContext,
    req: CourierRequest,
  ): Promise<CourierOutcome<{ answer: CourierAnswer }>> {
    const username = ctx.credentials?.username ?? '';
    const password = ctx.credentials?.password ?? '';
    if (!username || !password || !this.clientId(ctx))
      return { ok: false, retryable: false, messages: [{ code: 'credentials_missing', text: '' }] };
    const key = CourierSessions.keyOf(this.baseUrl, ctx.credentials);
    const r = await this.sessions.withToken(
      key,
      () => this.login(username, password),
      (token) =>
        this.http.send({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } }),
      (a) => a.status === 401,
    );
    return r.ok ? { ok: true, answer: r.value } : r;
  }

  private async login(username: string, password: string): Promise<LoginResult> {
    const a = await this.http.send({
      method: 'POST',
      path: 'login',
      multipart: { username, password },
    });
    // FAN down is not FAN saying no: a 5xx must not pause the login for 15 minutes.
    if (a.status >= 500) throw new CourierUnreachable(FAN_KEY, new Error(`login HTTP ${a.status}`));
    const body = a.json() as
      | { status?: unknown; message?: unknown; data?: { token?: unknown; expiresAt?: unknown } }
      | undefined;
    const token = body?.data?.token;
    if (a.status === 200 && body?.status === 'success' && typeof token === 'string' && token) {
      // expiresAt has no zone; read as Bucharest time it can only err early, never late.
      const at = bucharestMs(typeof body.data?.expiresAt === 'string' ? body.data.expiresAt : '');
      return { ok: true, token, expiresAt: Number.isNaN(at) ? this.now() + FALLBACK_TOKEN_MS : at };
    }
    const text = typeof body?.message === 'string' ? body.message : `HTTP ${a.status}`;
    return { ok: false, messages: [{ code: 'credentials_refused', text }] };
  }
}
