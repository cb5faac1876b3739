import crypto from 'node:crypto';
import type { CourierMessage, CourierOutcome } from '../courier.js';

/** What a login at a courier gave: a token and when it stops working (ms). */
export type LoginResult =
  { ok: true; token: string; expiresAt: number } | { ok: false; messages: CourierMessage[] };

/** A token is renewed this long before the courier says it expires. */
const RENEW_EARLY_MS = 60_000;
/** After the courier refused a login, the same credentials are not tried again for this long. */
const REFUSED_LOGIN_PAUSE_MS = 15 * 60_000;

/**
 * Logins at couriers, per set of credentials: the token is cached until it expires, one login
 * serves every call made while it is under way, and an answer "unauthorized" (the token was
 * revoked or expired early) is met with exactly one new login and one retry — never a loop.
 * A refused login is remembered: calls with the same credentials get the refusal at once for
 * a while, because some couriers lock an account after a few failed logins (GLS after ~5).
 */
export class CourierSessions {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly logins = new Map<string, Promise<LoginResult>>();
  private readonly refused = new Map<string, { until: number; messages: CourierMessage[] }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A key for one login: the courier's address and the credentials, hashed (never kept as text). */
  static keyOf(baseUrl: string, credentials: Record<string, string> | null): string {
    const sorted = Object.entries(credentials ?? {}).sort(([a], [b]) => a.localeCompare(b));
    return crypto
      .createHash('sha256')
      .update(JSON.stringify([baseUrl, sorted]))
      .digest('hex');
  }

  /**
   * Runs `call` with a valid token. `unauthorized(answer)` says whether the courier refused the
   * token; then the token is dropped, one new login is made and the call is made once more.
   */
  async withToken<T>(
    key: string,
    login: () => Promise<LoginResult>,
    call: (token: string) => Promise<T>,
    unauthorized: (answer: T) => boolean,
  ): Promise<CourierOutcome<{ value: T }>> {
    const first = await this.token(key, login);
    if (!first.ok) return first;
    const answer = await call(first.token);
    if (!unauthorized(answer)) return { ok: true, value: answer };
    if (this.tokens.get(key)?.token === first.token) this.tokens.delete(key);
    const second = await this.token(key, login);
    if (!second.ok) return second;
    const again = await call(second.token);
    if (!unauthorized(again)) return { ok: true, value: again };
    return { ok: false, retryable: false, messages: [{ code: 'token_refused', text: '' }] };
  }

  /** For couriers that send the credentials with every call (DPD, GLS): a refusal is recorded. */
  refusedLogin(key: string): CourierOutcome<object> | null {
    const r = this.refused.get(key);
    if (!r) return null;
    if (r.until <= this.now()) {
      this.refused.delete(key);
      return null;
    }
    return { ok: false, retryable: false, messages: r.messages };
  }

  recordRefusal(key: string, messages: CourierMessage[]): void {
    this.refused.set(key, { until: this.now() + REFUSED_LOGIN_PAUSE_MS, messages });
    this.tokens.delete(key);
  }

  private async token(
    key: string,
    login: () => Promise<LoginResult>,
  ): Promise<
    { ok: true; token: string } | { ok: false; retryable: false; messages: CourierMessage[] }
  > {
    const refused = this.refusedLogin(key);
    if (refused && !refused.ok) return { ok: false, retryable: false, messages: refused.messages };
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - RENEW_EARLY_MS > this.now())
      return { ok: true, token: cached.token };
    let pending = this.logins.get(key);
    if (!pending) {
      pending = login().finally(() => this.logins.delete(key));
      this.logins.set(key, pending);
    }
    const r = await pending;
    if (!r.ok) {
      this.recordRefusal(key, r.messages);
      return { ok: false, retryable: false, messages: r.messages };
    }
    this.tokens.set(key, { token: r.token, expiresAt: r.expiresAt });
    return { ok: true, token: r.token };
  }
}
