import type { HttpCourierOptions } from '../builtin.js';
import type { CourierContext, CourierOutcome } from '../courier.js';
import { type CourierAnswer, CourierHttp, CourierUnreachable } from '../http/courier-http.js';
import { CourierSessions } from '../http/sessions.js';
import { dpdError, isLoginRefusal } from './mapping.js';
import { DPD_HOST, DPD_KEY } from './settings.js';

/**
 * The only code that talks to DPD. There is no token: the login goes in every JSON body, so a
 * refused login is remembered (`recordRefusal`) and the same credentials are not sent again for
 * 15 minutes — each call would otherwise count as one more failed login.
 */
export class DpdClient {
  private readonly http: CourierHttp;
  private readonly baseUrl: string;

  constructor(
    opts: HttpCourierOptions,
    private readonly sessions: CourierSessions,
  ) {
    this.baseUrl = opts.baseUrl ?? DPD_HOST;
    this.http = new CourierHttp({
      courier: DPD_KEY,
      baseUrl: this.baseUrl,
      timeoutMs: opts.timeoutMs,
    });
  }

  /**
   * POSTs `body` with the login. An answer `{error}` (DPD sends it with HTTP 200) comes back as
   * a refusal; any other answer (JSON or PDF bytes) is the mapping's to read.
   */
  async post(
    ctx: CourierContext,
    path: string,
    body: Record<string, unknown>,
  ): Promise<CourierOutcome<{ answer: CourierAnswer }>> {
    const creds = ctx.credentials ?? {};
    if (!creds.username || !creds.password)
      return { ok: false, retryable: false, messages: [{ code: 'credentials_missing', text: '' }] };
    const key = CourierSessions.keyOf(this.baseUrl, creds);
    const refused = this.sessions.refusedLogin(key);
    if (refused && !refused.ok) return refused;
    const answer = await this.http.send({
      method: 'POST',
      path,
      json: {
        userName: creds.username,
        password: creds.password,
        language:
          (ctx.options.language ?? creds.language ?? 'RO').toUpperCase() === 'EN' ? 'EN' : 'RO',
        ...body,
      },
    });
    if (answer.status >= 500)
      throw new CourierUnreachable(DPD_KEY, new Error(`HTTP ${answer.status}`));
    const error = dpdError(answer);
    if (!error) return { ok: true, answer };
    if (isLoginRefusal(answer.status, error)) {
      const messages = [{ code: 'credentials_refused', text: error.message }];
      this.sessions.recordRefusal(key, messages);
      return { ok: false, retryable: false, messages };
    }
    return { ok: false, retryable: answer.status === 429, messages: [error.asMessage] };
  }
}
