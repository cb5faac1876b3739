import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../shared/errors.js';
import { iso, parseJsonColumn } from '../../shared/json.js';
import * as repo from './accounts.repo.js';
import type { AccountsService, AuthContext } from './accounts.service.js';
import { hashSecret } from './passwords.js';

/**
 * The team and its sessions: removing a manager or packer, one's own password and sessions,
 * the ownership transfer, the PIN policy and the failed logins the owner reviews. Every
 * session removed here is also forgotten by the session cache at once.
 */
export class TeamService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly accounts: AccountsService,
  ) {}

  /** The owner removes a manager or a packer: it can no longer log in, its sessions end now. */
  async removeUser(auth: AuthContext, userId: number): Promise<void> {
    const user = await repo.findUserInAccount(this.db, auth.accountId, userId);
    if (!user || (user.active === 0 && user.email === null && user.username === null))
      throw new NotFound('user_not_found', `User ${userId} not found.`);
    if (user.role === 'owner')
      throw new Forbidden(
        'owner_not_removable',
        'The owner cannot be removed; transfer ownership first.',
      );
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      // The row stays for the audit trail; its login is freed and can never match again.
      await trx
        .updateTable('users')
        .set({ active: 0, email: null, username: null, updated_at: now })
        .where('id', '=', user.id)
        .where('account_id', '=', auth.accountId)
        .execute();
      if (user.role === 'packer')
        await trx
          .updateTable('packers')
          .set({ active: 0, updated_at: now })
          .where('user_id', '=', user.id)
          .where('account_id', '=', auth.accountId)
          .execute();
      await repo.deleteSessionsOfUser(trx, user.id);
    });
    this.accounts.forgetUserSessions(user.id);
  }

  /** One's own new password; every other session of the user ends. */
  async changePassword(
    auth: AuthContext,
    current: string,
    next: string,
    ip: string,
  ): Promise<void> {
    if (auth.role === 'packer')
      throw new Forbidden('role_forbidden', "A packer's PIN is changed by a manager.");
    await this.accounts.reauthenticate(auth.userId, current, ip);
    if (current === next)
      throw new Invalid('password_unchanged', 'The new password must differ from the current one.');
    const hash = await hashSecret(next);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: hash, updated_at: Date.now() })
        .where('id', '=', auth.userId)
        .execute();
      await repo.deleteOtherSessions(trx, auth.userId, auth.sessionId);
    });
    this.accounts.forgetUserSessions(auth.userId);
  }

  async sessions(auth: AuthContext) {
    const rows = await repo.listSessionsOfUser(this.db, auth.userId, Date.now());
    return rows.map((r) => ({
      id: r.id,
      current: r.id === auth.sessionId,
      created_at: iso(Number(r.created_at)),
      expires_at: iso(Number(r.expires_at)),
      ip: r.ip,
      user_agent: r.user_agent,
    }));
  }

  /** Ends one of one's own sessions (another user's session id is not found). */
  async endSession(auth: AuthContext, sessionId: string): Promise<void> {
    if (!(await repo.deleteSessionOfUser(this.db, auth.userId, sessionId)))
      throw new NotFound('session_not_found', 'Session not found.');
    this.accounts.forgetUserSessions(auth.userId);
  }

  /**
   * The owner hands the account to one of its active managers and becomes a manager; asks the
   * owner's password again. One owner at all times (both rows change in one transaction).
   */
  async transferOwnership(auth: AuthContext, toUserId: number, password: string, ip: string) {
    await this.accounts.reauthenticate(auth.userId, password, ip);
    const target = await repo.findUserInAccount(this.db, auth.accountId, toUserId);
    if (!target || target.active !== 1 || target.role === 'packer')
      throw new NotFound('user_not_found', `User ${toUserId} not found.`);
    if (target.role !== 'manager')
      throw new Conflict('already_owner', 'This user already owns the account.');
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ role: 'manager', updated_at: now })
        .where('id', '=', auth.userId)
        .where('account_id', '=', auth.accountId)
        .where('role', '=', 'owner')
        .execute();
      await trx
        .updateTable('users')
        .set({ role: 'owner', updated_at: now })
        .where('id', '=', target.id)
        .where('account_id', '=', auth.accountId)
        .execute();
    });
    // Both users' cached sessions carry their role.
    this.accounts.forgetUserSessions(auth.userId);
    this.accounts.forgetUserSessions(target.id);
  }

  async loginFailures(accountId: number) {
    const rows = await repo.listLoginFailures(this.db, accountId, 50);
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      ip: r.ip,
      at: iso(Number(r.at)),
      user_id: Number(r.user_id),
      user_name: r.name,
      role: r.role,
    }));
  }

  async pinPolicy(accountId: number) {
    const a = await repo.findAccount(this.db, accountId);
    if (!a) throw new NotFound('account_not_found', 'Account not found.');
    return {
      short_pins: a.short_pins === 1,
      station_networks: parseJsonColumn<string[]>(a.station_networks, []),
    };
  }

  /** Short PINs only with the station limited to the shop's own addresses. */
  async setPinPolicy(accountId: number, p: { short_pins: boolean; station_networks: string[] }) {
    if (p.short_pins && p.station_networks.length === 0)
      throw new Invalid(
        'station_networks_required',
        "Short PINs need the shop's own network addresses, so the station works only there.",
      );
    await this.db
      .updateTable('accounts')
      .set({
        short_pins: p.short_pins ? 1 : 0,
        station_networks: JSON.stringify(p.station_networks),
        updated_at: Date.now(),
      })
      .where('id', '=', accountId)
      .execute();
    return this.pinPolicy(accountId);
  }
}
