import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.js';
import { Conflict, Forbidden, Unauthorized } from '../../shared/errors.js';
import * as repo from './accounts.repo.js';
import { parseJsonColumn } from '../../shared/json.js';
import { type AttemptKey, AttemptLimiter } from './attempt-limiter.js';
import { addressAllowed } from '../../shared/networks.js';
import { SessionCache } from './session-cache.js';
import { dummySecretHash, hashSecret, verifySecret } from './passwords.js';
import { seedDefaultTypes } from '../penalties/penalties.repo.js';
import { normalizeStationCode, stationLoginId } from './station-code.js';

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  userId: number;
  accountId: number;
  role: Role;
  name: string;
  email: string | null;
  username: string | null;
  packerId: number | null;
  account: {
    name: string;
    language: string;
    timezone: string;
    currency: string;
    /** The packer station's address is `/station/<station_code>`. */
    station_code: string;
  };
}

/** Where a login comes from: its address (limits, station networks) and browser (sessions list). */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** Per address, across identifiers: a shop's packers and managers share one address. */
const IP_FACTOR = 5;

export interface NewSession {
  token: string;
  expiresAt: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');

/** Identifiers are matched without regard to case or surrounding blanks. */
export const normalizeLogin = (s: string) => s.trim().toLowerCase();

export class AccountsService {
  private readonly limiter: AttemptLimiter;
  private readonly sessions = new SessionCache<AuthContext>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly opts: {
      sessionDays: number;
      loginRateLimit: { max: number; windowMs: number };
    },
  ) {
    this.limiter = new AttemptLimiter(db, opts.loginRateLimit.windowMs);
  }

  async needsOwner(): Promise<boolean> {
    return (await repo.countUsers(this.db)) === 0;
  }

  /**
   * Creates an account with its owner. `onlyIfFirst` is the first-visit setup: it refuses
   * once any user exists, checked inside the transaction so two racing visitors cannot both win.
   */
  async createAccountWithOwner(input: {
    accountName: string;
    name: string;
    email: string;
    password: string;
    language?: string;
    timezone?: string;
    currency?: string;
    onlyIfFirst: boolean;
  }): Promise<{ accountId: number; userId: number }> {
    const passwordHash = await hashSecret(input.password);
    const email = normalizeLogin(input.email);
    return this.db.transaction().execute(async (trx) => {
      if (input.onlyIfFirst && (await repo.countUsers(trx)) > 0) {
        throw new Conflict('already_set_up', 'ecomdir already has an owner. Log in instead.');
      }
      if (await repo.findUserByEmail(trx, email)) {
        throw new Conflict('email_taken', 'A user with this e-mail already exists.');
      }
      const now = Date.now();
      const accountId = await repo.insertAccount(trx, {
        name: input.accountName,
        timezone: input.timezone ?? 'Europe/Bucharest',
        currency: input.currency ?? 'RON',
        language: input.language ?? 'ro',
        now,
      });
      const userId = await repo.insertUser(trx, {
        accountId,
        role: 'owner',
        name: input.name,
        email,
        username: null,
        passwordHash,
        now,
      });
      // Every account starts with the default penalty types (existing ones got them by migration).
      await seedDefaultTypes(trx, accountId, now);
      return { accountId, userId };
    });
  }

  /** The counted keys of one attempt: this identifier from this address, and this address. */
  private keysOf(kind: 'login' | 'pin' | 'connect', id: string, ip: string): AttemptKey[] {
    const max = this.opts.loginRateLimit.max;
    return [
      { key: `${kind}:${id}|${ip}`, max },
      { key: `${kind}-ip:${ip}`, max: max * IP_FACTOR },
    ];
  }

  private async recordFailure(
    user: { id: number; account_id: number } | undefined,
    kind: 'password' | 'pin' | 'connect',
    ip: string,
  ): Promise<void> {
    if (user)
      await repo.insertLoginFailure(this.db, {
        accountId: user.account_id,
        userId: user.id,
        kind,
        ip,
        now: Date.now(),
      });
  }

  /**
   * An e-mail and password checked under the limits: the attempt is counted first, so at most
   * `max` guesses per address and e-mail reach argon2 per window, however many run at once.
   * The login and the connect handshake count apart, so connect attempts never lock a login.
   */
  private async checkPassword(
    kind: 'login' | 'connect',
    emailRaw: string,
    password: string,
    ip: string,
  ) {
    const email = normalizeLogin(emailRaw);
    const keys = this.keysOf(kind, `email:${email}`, ip);
    await this.limiter.take(keys);
    const user = await repo.findUserByEmail(this.db, email);
    const ok = await verifySecret(user?.password_hash ?? (await dummySecretHash()), password);
    if (!user || !ok || !user.active || user.role === 'packer') {
      await this.recordFailure(user, kind === 'login' ? 'password' : 'connect', ip);
      throw new Unauthorized('invalid_credentials', 'Wrong e-mail or password.');
    }
    await this.limiter.refund(keys);
    return user;
  }

  /** Owner or manager login by e-mail and password. */
  async login(emailRaw: string, password: string, client: ClientInfo): Promise<NewSession> {
    const user = await this.checkPassword('login', emailRaw, password, client.ip);
    return this.startSession(user.id, user.account_id, client);
  }

  /**
   * Packer login by username and PIN, for a shared packing-station tablet. Counted per
   * address like a password, and per packer: a packer whose PIN was guessed at more than
   * `max` times is locked until a manager unlocks it. With short PINs allowed, the station
   * may log in only from the shop's own addresses.
   */
  async packerLogin(
    stationCodeRaw: string,
    usernameRaw: string,
    pin: string,
    client: ClientInfo,
  ): Promise<NewSession> {
    const stationCode = normalizeStationCode(stationCodeRaw);
    const username = normalizeLogin(usernameRaw);
    const keys = this.keysOf('pin', stationLoginId(stationCode, username), client.ip);
    await this.limiter.take(keys);
    // The station code names the account: a wrong code, an unknown username and a wrong PIN
    // all read the same, so the answer tells nothing about other accounts.
    const found = await repo.findUserByStationLogin(this.db, stationCode, username);
    const user = found?.role === 'packer' ? found : undefined;
    let pinAttempts = 0;
    if (user) {
      const account = await repo.findAccount(this.db, user.account_id);
      if (
        account?.short_pins === 1 &&
        !addressAllowed(client.ip, parseJsonColumn<string[]>(account.station_networks, []))
      )
        throw new Forbidden(
          'station_address_not_allowed',
          "The packer station can log in only from the shop's own network.",
        );
      const n = await repo.takePinAttempt(this.db, user.id);
      pinAttempts = n ?? 0;
      if (n === null || n > this.opts.loginRateLimit.max) {
        if (n !== null) await repo.lockUser(this.db, user.id, Date.now());
        throw new Forbidden(
          'pin_locked',
          'This packer is locked after too many wrong PINs. A manager must unlock it.',
        );
      }
    }
    const ok = await verifySecret(user?.password_hash ?? (await dummySecretHash()), pin);
    if (!user || !ok || !user.active) {
      await this.recordFailure(user, 'pin', client.ip);
      // The guess that used up the packer's allowance locks it (not only the one after).
      if (user && ok === false && pinAttempts >= this.opts.loginRateLimit.max)
        await repo.lockUser(this.db, user.id, Date.now());
      throw new Unauthorized('invalid_credentials', 'Wrong username or PIN.');
    }
    await repo.clearPinAttempts(this.db, user.account_id, user.id);
    await this.limiter.refund(keys);
    return this.startSession(user.id, user.account_id, client);
  }

  /** Checks an owner's credentials without starting a session (used by the store connect handshake). */
  async verifyOwner(
    emailRaw: string,
    password: string,
    ip: string,
  ): Promise<{ userId: number; accountId: number }> {
    const user = await this.checkPassword('connect', emailRaw, password, ip);
    if (user.role !== 'owner')
      throw new Forbidden('owner_required', 'Only the account owner can connect a store.');
    return { userId: user.id, accountId: user.account_id };
  }

  /**
   * A logged-in user's own password, asked again before a sensitive change (new password,
   * ownership transfer): counted like a login, per user and address.
   */
  async reauthenticate(userId: number, password: string, ip: string): Promise<void> {
    const keys = this.keysOf('login', `user-id:${userId}`, ip);
    await this.limiter.take(keys);
    const user = await repo.findUserById(this.db, userId);
    const ok = await verifySecret(user?.password_hash ?? (await dummySecretHash()), password);
    if (!user || !ok || !user.active) {
      await this.recordFailure(user, 'password', ip);
      throw new Unauthorized('wrong_password', 'Your current password is not right.');
    }
    await this.limiter.refund(keys);
  }

  /** The limiter, for other attempts that must be bounded per address (store connects). */
  get attempts(): AttemptLimiter {
    return this.limiter;
  }

  async resolveSession(token: string): Promise<AuthContext | null> {
    const id = sha256(token);
    const cached = this.sessions.get(id);
    if (cached) return cached;
    const row = await repo.findLiveSession(this.db, id, Date.now());
    if (!row) return null;
    const auth: AuthContext = {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      userId: row.user_id,
      accountId: row.account_id,
      role: row.role,
      name: row.name,
      email: row.email,
      username: row.username,
      packerId: row.packer_id,
      account: {
        name: row.account_name,
        language: row.language,
        timezone: row.timezone,
        currency: row.currency,
        station_code: row.station_code,
      },
    };
    this.sessions.set(id, auth, row.expires_at);
    return auth;
  }

  async logout(sessionId: string): Promise<void> {
    await repo.deleteSession(this.db, sessionId);
    this.sessions.forget(sessionId);
  }

  /** Called when a user's sessions were deleted elsewhere (deactivation, new PIN). */
  forgetUserSessions(userId: number): void {
    this.sessions.forgetWhere((s) => s.userId === userId);
  }

  private async startSession(
    userId: number,
    accountId: number,
    client: ClientInfo,
  ): Promise<NewSession> {
    const token = randomToken(32);
    const now = Date.now();
    const expiresAt = now + this.opts.sessionDays * 86_400_000;
    await repo.deleteExpiredSessions(this.db, now);
    await repo.insertSession(this.db, {
      id: sha256(token),
      userId,
      accountId,
      csrfToken: randomToken(24),
      now,
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { token, expiresAt };
  }

  async getAccount(accountId: number) {
    return repo.findAccount(this.db, accountId);
  }

  async updateAccount(
    accountId: number,
    patch: Partial<{ name: string; timezone: string; currency: string; language: string }>,
  ) {
    await repo.updateAccount(this.db, accountId, patch, Date.now());
    this.sessions.forgetWhere((s) => s.accountId === accountId);
    return repo.findAccount(this.db, accountId);
  }

  async listStaff(accountId: number) {
    return repo.listStaff(this.db, accountId);
  }

  async createManager(accountId: number, input: { name: string; email: string; password: string }) {
    const email = normalizeLogin(input.email);
    const passwordHash = await hashSecret(input.password);
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findUserByEmail(trx, email))
        throw new Conflict('email_taken', 'A user with this e-mail already exists.');
      const id = await repo.insertUser(trx, {
        accountId,
        role: 'manager',
        name: input.name,
        email,
        username: null,
        passwordHash,
        now: Date.now(),
      });
      return { id };
    });
  }
}
