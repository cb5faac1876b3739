import { CourierHttp } from '../http/courier-http.js';
import type { CourierMessage, CourierOutcome } from '../courier.js';
import { CourierSessions } from '../http/sessions.js';
import { authOf, errorsIn, isLoginRefusal } from './mapping.js';

/**
 * HTTP only: one POST per MyGLS method, the credentials in every body. A refused login is
 * recorded, and calls with the same credentials are refused here without reaching GLS for a
 * while (GLS locks an account after about five failed logins).
 */
export class GlsClient {
  private readonly http: CourierHttp;

  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
    private readonly sessions: CourierSessions,
  ) {
    this.http = new CourierHttp({ courier: 'gls', baseUrl, timeoutMs });
  }

  /**
   * The answer's JSON when GLS accepted the credentials; a refusal (an HTTP 401 or a login
   * error in the body) comes back as data and is remembered. Other errors in the body are
   * left for the caller's mapping, which knows the method's answer.
   */
  async call(
    credentials: Record<string, string> | null,
    method: string,
    body: Record<string, unknown>,
  ): Promise<CourierOutcome<{ body: unknown }>> {
    const key = CourierSessions.keyOf(this.baseUrl, credentials);
    const refused = this.sessions.refusedLogin(key);
    if (refused && !refused.ok) return refused;
    const answer = await this.http.send({
      method: 'POST',
      path: method,
      json: { ...authOf(credentials), ...body },
    });
    if (answer.status === 401 || answer.status === 403)
      return this.refuse(key, [{ code: 'credentials_refused', text: '' }]);
    const json = answer.json();
    if (answer.status >= 400 || json === undefined)
      return {
        ok: false,
        retryable: answer.status >= 500,
        messages: [{ code: 'courier_said', text: `HTTP ${answer.status}` }],
      };
    const errors = errorsIn(json);
    if (isLoginRefusal(errors)) return this.refuse(key, errors);
    return { ok: true, body: json };
  }

  private refuse(key: string, messages: CourierMessage[]): CourierOutcome<never> {
    this.sessions.recordRefusal(key, messages);
    return { ok: false, retryable: false, messages };
  }
}
