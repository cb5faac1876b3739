import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB, Role } from '../../db/schema.js';
import { newStationCode, stationLoginId } from './station-code.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccount(
  db: Db,
  a: { name: string; timezone: string; currency: string; language: string; now: number },
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      name: a.name,
      timezone: a.timezone,
      currency: a.currency,
      language: a.language,
      station_code: newStationCode(),
      created_at: a.now,
      updated_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAccount(db: Db, accountId: number) {
  return db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
}

export async function updateAccount(
  db: Db,
  accountId: number,
  patch: Partial<{ name: string; timezone: string; currency: string; language: string }>,
  now: number,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ ...patch, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function insertUser(
  db: Db,
  u: {
    accountId: number;
    role: Role;
    name: string;
    email: string | null;
    username: string | null;
    passwordHash: string;
    now: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      account_id: u.accountId,
      role: u.role,
      name: u.name,
      email: u.email,
      username: u.username,
      password_hash: u.passwordHash,
      active: 1,
      created_at: u.now,
      updated_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A packer's login: the username within the account named by the station code. */
export async function findUserByStationLogin(db: Db, stationCode: string, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .selectAll('users')
    .where('accounts.station_code', '=', stationCode)
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function listStaff(db: Db, accountId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'name', 'email', 'active', 'created_at'])
    .where('account_id', '=', accountId)
    .where('role', 'in', ['owner', 'manager'])
    .where('active', '=', 1)
    .$narrowType<{ role: 'owner' | 'manager' }>()
    .orderBy('id')
    .execute();
}

export async function insertSession(
  db: Db,
  s: {
    id: string;
    userId: number;
    accountId: number;
    csrfToken: string;
    now: number;
    expiresAt: number;
    ip: string;
    userAgent: string;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      account_id: s.accountId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent.slice(0, 300),
    })
    .execute();
}

/** The session with its user, account and (for packers) packer id; null when expired or inactive. */
export async function findLiveSession(db: Db, sessionId: string, now: number) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('packers as p', 'p.user_id', 'u.id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      'u.id as user_id',
      'u.account_id',
      'u.role',
      'u.name',
      'u.email',
      'u.username',
      'a.name as account_name',
      'a.language',
      'a.timezone',
      'a.currency',
      'a.station_code',
      'p.id as packer_id',
    ])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', 1)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/**
 * Counts one PIN guess on a packer BEFORE the PIN is checked (atomic); null when the packer
 * is already locked.
 */
export async function takePinAttempt(db: Db, userId: number): Promise<number | null> {
  const row = await db
    .updateTable('users')
    .set({ pin_attempts: sql<number>`pin_attempts + 1` })
    .where('id', '=', userId)
    .where('locked_at', 'is', null)
    .returning('pin_attempts')
    .executeTakeFirst();
  return row ? Number(row.pin_attempts) : null;
}

export async function lockUser(db: Db, userId: number, now: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ locked_at: now })
    .where('id', '=', userId)
    .where('locked_at', 'is', null)
    .execute();
}

/** A good PIN, or a manager's unlock: the guesses start again from zero. */
export async function clearPinAttempts(db: Db, accountId: number, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ pin_attempts: 0, locked_at: null })
    .where('id', '=', userId)
    .where('account_id', '=', accountId)
    .execute();
}

const FAILURES_KEPT_MS = 30 * 86_400_000;

export async function insertLoginFailure(
  db: Db,
  f: {
    accountId: number;
    userId: number;
    kind: 'password' | 'pin' | 'connect';
    ip: string;
    now: number;
  },
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ account_id: f.accountId, user_id: f.userId, kind: f.kind, ip: f.ip, at: f.now })
    .execute();
  await db
    .deleteFrom('login_failures')
    .where('account_id', '=', f.accountId)
    .where('at', '<', f.now - FAILURES_KEPT_MS)
    .execute();
}

export async function listLoginFailures(db: Db, accountId: number, limit: number) {
  return db
    .selectFrom('login_failures as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.id', 'f.kind', 'f.ip', 'f.at', 'u.id as user_id', 'u.name', 'u.role'])
    .where('f.account_id', '=', accountId)
    .orderBy('f.at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit)
    .execute();
}

export async function listSessionsOfUser(db: Db, userId: number, now: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function deleteSessionOfUser(db: Db, userId: number, sessionId: string) {
  const r = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function deleteOtherSessions(db: Db, userId: number, keepSessionId: string) {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .execute();
}

export async function findUserInAccount(db: Db, accountId: number, userId: number) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function findUserById(db: Db, userId: number) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

/**
 * A manager's unlock also forgives the packer's counted guesses from every address: the
 * station that was guessed from is usually the shop's own.
 */
export async function clearPinAttemptKeys(
  db: Db,
  stationCode: string,
  username: string,
): Promise<void> {
  const prefix = `pin:${stationLoginId(stationCode, username)}|`;
  await db
    .deleteFrom('login_attempts')
    .where(sql<string>`substr(key, 1, ${prefix.length})`, '=', prefix)
    .execute();
}
