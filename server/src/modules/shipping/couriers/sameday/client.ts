import type { HttpCourierOptions } from '../builtin.js';
import type { CourierContext, CourierOutcome } from '../courier.js';
import { type CourierAnswer, CourierHttp, type CourierRequest } from '../http/courier-http.js';
import { CourierSessions } from '../http/sessions.js';
import { failureOf, pageOf, parseLogin } from './mapping.js';
import { MAX_PAGES, PAGE_SIZE, SAMEDAY_HOSTS, SAMEDAY_KEY } from './settings.js';

type Json = Record<string, unknown>;

/**
 * The only part of the Sameday adapter that does I/O: logs in (token cached per login until
 * Sameday's expire_at, renewed once when refused) and sends requests with the token.
 */
export class SamedayClient {
  private readonly https = new Map<string, CourierHttp>();

  constructor(
    private readonly opts: HttpCourierOptions,
    private readonly sessions = new CourierSessions(),
  ) {}

  /** The operator's host when set; else the demo host for a test account, else production. */
  private baseUrlOf(ctx: CourierContext): string {
    if (this.opts.baseUrl) return this.opts.baseUrl;
    const test = (ctx.options.test_mode ?? ctx.credentials?.test_mode) === 'true';
    return test ? SAMEDAY_HOSTS.test : SAMEDAY_HOSTS.production;
  }

  private httpFor(baseUrl: string): CourierHttp {
    let http = this.https.get(baseUrl);
    if (!http) {
      http = new CourierHttp({ courier: SAMEDAY_KEY, baseUrl, timeoutMs: this.opts.timeoutMs });
      this.https.set(baseUrl, http);
    }
    return http;
  }

  /**
   * Sends one request with the account's token. Business answers (any HTTP status) come back
   * as the answer; only a missing or refused login is a failure here.
   */
  async send(
    ctx: CourierContext,
    req: CourierRequest,
    /** Called just before the request itself goes out (after any login). */
    onSend?: () => void,
  ): Promise<CourierOutcome<{ answer: CourierAnswer }>> {
    const username = ctx.credentials?.username ?? '';
    const password = ctx.credentials?.password ?? '';
    if (!username || !password)
      return { ok: false, retryable: false, messages: [{ code: 'credentials_missing', text: '' }] };
    const baseUrl = this.baseUrlOf(ctx);
    const http = this.httpFor(baseUrl);
    const r = await this.sessions.withToken(
      CourierSessions.keyOf(baseUrl, ctx.credentials),
      async () =>
        parseLogin(
          await http.send({
            method: 'POST',
            path: '/api/authenticate',
            headers: { 'X-Auth-Username': username, 'X-Auth-Password': password },
            form: [['remember_me', 'true']],
          }),
        ),
      (token) => {
        onSend?.();
        return http.send({ ...req, headers: { ...req.headers, 'X-AUTH-TOKEN': token } });
      },
      // Sameday answers an expired or revoked token with 401 (403 on some routes).
      (answer) => answer.status === 401 || answer.status === 403,
    );
    return r.ok ? { ok: true, answer: r.value } : r;
  }

  /** Every row of a paged list (`page`, `countPerPage`), page after page. */
  async all(
    ctx: CourierContext,
    path: string,
    query: Record<string, string> = {},
  ): Promise<CourierOutcome<{ rows: Json[] }>> {
    const rows: Json[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const r = await this.send(ctx, {
        method: 'GET',
        path,
        query: { ...query, page, countPerPage: PAGE_SIZE },
      });
      if (!r.ok) return r;
      if (r.answer.status !== 200) return failureOf(r.answer);
      const p = pageOf(r.answer.json());
      rows.push(...p.rows);
      if (page >= p.pages || p.rows.length === 0) break;
    }
    return { ok: true, rows };
  }
}
