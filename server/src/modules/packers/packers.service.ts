import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Conflict, Invalid, NotFound } from '../../shared/errors.js';
import { parseJsonColumn, iso } from '../../shared/json.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import {
  clearPinAttemptKeys,
  clearPinAttempts,
  deleteSessionsOfUser,
  findAccount,
} from '../accounts/accounts.repo.js';
import { hashSecret } from '../accounts/passwords.js';
import * as repo from './packers.repo.js';
import {
  EMPTY_SCHEDULE,
  type PackerCreate,
  type PackerOut,
  type PackerPatch,
  type WeeklySchedule,
  type WrongScansOut,
  type WrongScansQuery,
} from './packers.schema.js';
import { listWrongScans } from './wrong-scans.js';

function toOut(p: repo.PackerWithLogin): PackerOut {
  return {
    id: p.id,
    name: p.name,
    username: p.username ?? '',
    active: p.active === 1,
    weight: p.weight,
    max_open_orders: p.max_open_orders,
    skills: parseJsonColumn<string[]>(p.skills, []),
    allowed_store_ids: parseJsonColumn<number[]>(p.allowed_store_ids, []),
    shifts: { ...EMPTY_SCHEDULE, ...parseJsonColumn<Partial<WeeklySchedule>>(p.shifts, {}) },
    open_orders: p.open_orders,
    locked: p.locked_at !== null,
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
  };
}

/**
 * Called inside the transaction that changes whether a packer can take orders (activation,
 * shifts, skills, stores, limits): distribution moves or hands out orders accordingly.
 */
export type PackerChangedHook = (
  trx: Transaction<DB>,
  accountId: number,
  packerId: number,
) => Promise<void>;

export class PackersService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly hooks: {
      onAvailabilityChanged?: PackerChangedHook;
      /** The user's sessions were deleted: forget any cached copy. */
      onSessionsRevoked?: (userId: number) => void;
    } = {},
  ) {}

  async list(accountId: number): Promise<PackerOut[]> {
    return (await repo.listPackers(this.db, accountId)).map(toOut);
  }

  async get(accountId: number, id: number): Promise<PackerOut> {
    const p = await repo.findPacker(this.db, accountId, id);
    if (!p) throw new NotFound('packer_not_found', `Packer ${id} not found.`);
    return toOut(p);
  }

  /** The packer's recent wrong scans at the station (paginated, newest first). */
  wrongScans(accountId: number, id: number, query: WrongScansQuery): Promise<WrongScansOut> {
    return listWrongScans(this.db, accountId, id, query);
  }

  /**
   * New PINs have at least 6 digits; 4 or 5 only when the owner allows short PINs (and so
   * limits the station to the shop's own addresses).
   */
  private async checkPin(accountId: number, pin: string | undefined): Promise<void> {
    if (pin === undefined || pin.length >= 6) return;
    const account = await findAccount(this.db, accountId);
    if (account?.short_pins !== 1)
      throw new Invalid('pin_too_short', 'A PIN needs at least 6 digits.');
  }

  /** Allowed stores must be this account's own; another account's store id is not found. */
  private async checkStores(trx: Transaction<DB>, accountId: number, ids?: number[]) {
    if (!ids?.length) return;
    const own = await repo.ownStoreIds(trx, accountId, ids);
    const missing = ids.find((id) => !own.has(id));
    if (missing !== undefined) throw new NotFound('store_not_found', `Store ${missing} not found.`);
  }

  /** A manager's unlock of a packer locked after too many wrong PINs. */
  async unlock(accountId: number, id: number, actor: Actor): Promise<PackerOut> {
    const p = await repo.findPacker(this.db, accountId, id);
    if (!p) throw new NotFound('packer_not_found', `Packer ${id} not found.`);
    await this.db.transaction().execute(async (trx) => {
      await clearPinAttempts(trx, accountId, p.user_id);
      const account = await findAccount(trx, accountId);
      if (p.username && account) await clearPinAttemptKeys(trx, account.station_code, p.username);
      await recordAudit(trx, {
        accountId,
        entity: 'packer',
        entityId: id,
        action: 'unlocked',
        actor,
        to: null,
        at: Date.now(),
      });
    });
    return this.get(accountId, id);
  }

  async create(accountId: number, input: PackerCreate, actor: Actor): Promise<PackerOut> {
    await this.checkPin(accountId, input.pin);
    const pinHash = await hashSecret(input.pin);
    const id = await this.db.transaction().execute(async (trx) => {
      await this.checkStores(trx, accountId, input.allowed_store_ids);
      // Usernames are unique per account (the station's address names the account), so the
      // answer is about this account's own packers only.
      if (await repo.usernameTaken(trx, accountId, input.username)) throw usernameTaken();
      const now = Date.now();
      const user = await trx
        .insertInto('users')
        .values({
          account_id: accountId,
          role: 'packer',
          name: input.name,
          email: null,
          username: input.username,
          password_hash: pinHash,
          active: input.active ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const packerId = await repo.insertPacker(trx, {
        account_id: accountId,
        user_id: user.id,
        name: input.name,
        active: input.active ? 1 : 0,
        weight: input.weight,
        max_open_orders: input.max_open_orders,
        skills: JSON.stringify(input.skills),
        allowed_store_ids: JSON.stringify(input.allowed_store_ids),
        shifts: JSON.stringify(input.shifts),
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, {
        accountId,
        entity: 'packer',
        entityId: packerId,
        action: 'created',
        actor,
        to: input.name,
        at: now,
      });
      // A new packer who can work takes the waiting Unassigned orders at once.
      await this.hooks.onAvailabilityChanged?.(trx, accountId, packerId);
      return packerId;
    });
    return this.get(accountId, id);
  }

  async update(
    accountId: number,
    id: number,
    patch: PackerPatch,
    actor: Actor,
  ): Promise<PackerOut> {
    await this.checkPin(accountId, patch.pin);
    const pinHash = patch.pin ? await hashSecret(patch.pin) : undefined;
    await this.db.transaction().execute(async (trx) => {
      const current = await repo.findPacker(trx, accountId, id);
      if (!current) throw new NotFound('packer_not_found', `Packer ${id} not found.`);
      await this.checkStores(trx, accountId, patch.allowed_store_ids);
      if (
        patch.username &&
        (await repo.usernameTaken(trx, accountId, patch.username, current.user_id))
      )
        throw usernameTaken();
      const now = Date.now();
      const active = patch.active === undefined ? undefined : patch.active ? 1 : 0;
      await repo.updatePacker(trx, accountId, id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(active !== undefined && { active }),
        ...(patch.weight !== undefined && { weight: patch.weight }),
        ...(patch.max_open_orders !== undefined && { max_open_orders: patch.max_open_orders }),
        ...(patch.skills && { skills: JSON.stringify(patch.skills) }),
        ...(patch.allowed_store_ids && {
          allowed_store_ids: JSON.stringify(patch.allowed_store_ids),
        }),
        ...(patch.shifts && { shifts: JSON.stringify(patch.shifts) }),
        updated_at: now,
      });
      await repo.updatePackerUser(trx, accountId, current.user_id, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.username !== undefined && { username: patch.username }),
        ...(pinHash && { password_hash: pinHash }),
        ...(active !== undefined && { active }),
        updated_at: now,
      });
      // A deactivated packer, or one whose PIN changed, is logged out of every station.
      if (active === 0 || pinHash) {
        await deleteSessionsOfUser(trx, current.user_id);
        this.hooks.onSessionsRevoked?.(current.user_id);
      }
      const changed = Object.keys(patch).filter((k) => k !== 'pin');
      if (pinHash) changed.push('pin');
      const action =
        active === 0 && current.active === 1
          ? 'deactivated'
          : active === 1 && current.active === 0
            ? 'activated'
            : 'updated';
      await recordAudit(trx, {
        accountId,
        entity: 'packer',
        entityId: id,
        action,
        actor,
        to: changed.join(', '),
        at: now,
      });
      const availability = ['active', 'shifts', 'skills', 'allowed_store_ids', 'max_open_orders'];
      if (changed.some((k) => availability.includes(k))) {
        await this.hooks.onAvailabilityChanged?.(trx, accountId, id);
      }
    });
    return this.get(accountId, id);
  }
}

const usernameTaken = () =>
  new Conflict('username_taken', 'Another packer of this shop has this username. Choose another.');
