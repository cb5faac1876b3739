import type { HttpCourierOptions } from '../builtin.js';
import type { CourierContext, CourierOutcome } from '../courier.js';
import {
  type CourierAnswer,
  CourierHttp,
  type CourierRequest,
  CourierUnreachable,
} from '../http/courier-http.js';
import { CourierSessions, type LoginResult } from '../http/sessions.js';
import { cargusMessages } from './mapping.js';
import { CARGUS_HOST, CARGUS_KEY, TOKEN_LIFETIME_MS } from './settings.js';

/**
 * The only code that talks to Cargus. Every call carries the subscription key; calls past
 * LoginUser carry the bearer token, cached per login by `CourierSessions` (a 401 → one new
 * login and one retry; a refused login is not tried again for 15 minutes).
 */
export class CargusClient {
  private readonly http: CourierHttp;
  private readonly baseUrl: string;

  constructor(
    opts: HttpCourierOptions,
    private readonly sessions: CourierSessions,
    private readonly now: () => number,
  ) {
    this.baseUrl = opts.baseUrl ?? CARGUS_HOST;
    this.http = new CourierHttp({
      courier: CARGUS_KEY,
      baseUrl: this.baseUrl,
      timeoutMs: opts.timeoutMs,
    });
  }

  /** A call with a valid token; the answer is the mapping's to read. */
  async call(
    ctx: CourierContext,
    req: CourierRequest,
  ): Promise<CourierOutcome<{ answer: CourierAnswer }>> {
    const creds = ctx.credentials ?? {};
    if (!creds.subscription_key || !creds.username || !creds.password)
      return { ok: false, retryable: false, messages: [{ code: 'credentials_missing', text: '' }] };
    const key = CourierSessions.keyOf(this.baseUrl, creds);
    const r = await this.sessions.withToken(
      key,
      () => this.login(creds),
      (token) =>
        this.send({
          ...req,
          headers: {
            ...req.headers,
            'Ocp-Apim-Subscription-Key': creds.subscription_key ?? '',
            authorization: `Bearer ${token}`,
          },
        }),
      (a) => a.status === 401,
    );
    return r.ok ? { ok: true, answer: r.value } : r;
  }

  private async login(creds: Record<string, string>): Promise<LoginResult> {
    const a = await this.send({
      method: 'POST',
      path: 'LoginUser',
      headers: { 'Ocp-Apim-Subscription-Key': creds.subscription_key ?? '' },
      json: { UserName: creds.username, Password: creds.password },
    });
    const token = a.status === 200 ? a.json() : undefined;
    if (typeof token === 'string' && token.length > 0)
      return { ok: true, token, expiresAt: this.now() + TOKEN_LIFETIME_MS };
    // The courier's words are kept beside our code; the password is never in them.
    const said = cargusMessages(a)
      .map((m) => m.text)
      .filter(Boolean)
      .join(' ');
    return { ok: false, messages: [{ code: 'credentials_refused', text: said }] };
  }

  /** A 5xx is Cargus failing, not refusing: like no answer, the core looks the AWB up later. */
  private async send(req: CourierRequest): Promise<CourierAnswer> {
    const a = await this.http.send(req);
    if (a.status >= 500) throw new CourierUnreachable(CARGUS_KEY, new Error(`HTTP ${a.status}`));
    return a;
  }
}
