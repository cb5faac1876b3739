import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.js';
import { Conflict, Forbidden, Unauthorized } from '../../shared/errors.js';
import * as repo from './accounts.repo.js';
import { LoginRateLimiter } from './login-rate-limit.js';
import { SessionCache } from './session-cache.js';
import { dummySecretHash, hashSecret, verifySecret } from './passwords.js';

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
  account: { name: string; language: string; timezone: string; currency: string };
}

export interface NewSession {
  token: string;
  expiresAt: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');

/** Identifiers are matched without regard to case or surrounding blanks. */
export const normalizeLogin = (s: string) => s.trim().toLowerCase();

export class AccountsService {
  private readonly limiter: LoginRateLimiter;
  private readonly sessions = new SessionCache<AuthContext>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly opts: {
      sessionDays: number;
      loginRateLimit: { max: number; windowMs: number };
    },
  ) {
    this.limiter = new LoginRateLimiter(opts.loginRateLimit);
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
      return { accountId, userId };
    });
  }

  /** Owner or manager login by e-mail and password. */
  async login(emailRaw: string, password: string, ip: string): Promise<NewSession> {
    const email = normalizeLogin(emailRaw);
    const keys = [`email:${email}`, `ip:${ip}`];
    this.limiter.check(keys);
    const user = await repo.findUserByEmail(this.db, email);
    const ok = await verifySecret(user?.password_hash ?? (await dummySecretHash()), password);
    if (!user || !ok || !user.active || user.role === 'packer') {
      this.limiter.fail(keys);
      throw new Unauthorized('invalid_credentials', 'Wrong e-mail or password.');
    }
    this.limiter.succeed([`email:${email}`]);
    return this.startSession(user.id, user.account_id);
  }

  /** Packer login by username and PIN, for a shared packing-station tablet. */
  async packerLogin(usernameRaw: string, pin: string, ip: string): Promise<NewSession> {
    const username = normalizeLogin(usernameRaw);
    const keys = [`user:${username}`, `ip:${ip}`];
    this.limiter.check(keys);
    const user = await repo.findUserByUsername(this.db, username);
    const ok = await verifySecret(user?.password_hash ?? (await dummySecretHash()), pin);
    if (!user || !ok || !user.active || user.role !== 'packer') {
      this.limiter.fail(keys);
      throw new Unauthorized('invalid_credentials', 'Wrong username or PIN.');
    }
    this.limiter.succeed([`user:${username}`]);
    return this.startSession(user.id, user.account_id);
  }

  /** Checks an owner's credentials without starting a session (used by the store connect handshake). */
  async verifyOwner(
    emailRaw: string,
    password: string,
    ip: string,
  ): Promise<{ userId: number; accountId: number }> {
    const email = normalizeLogin(emailRaw);
    const keys = [`email:${email}`, `ip:${ip}`];
    this.limiter.check(keys);
    const user = await repo.findUserByEmail(this.db, email);
    const ok = await verifySecret(user?.password_hash ?? (await dummySecretHash()), password);
    if (!user || !ok || !user.active) {
      this.limiter.fail(keys);
      throw new Unauthorized('invalid_credentials', 'Wrong e-mail or password.');
    }
    if (user.role !== 'owner')
      throw new Forbidden('owner_required', 'Only the account owner can connect a store.');
    return { userId: user.id, accountId: user.account_id };
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

  private async startSession(userId: number, accountId: number): Promise<NewSession> {
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
