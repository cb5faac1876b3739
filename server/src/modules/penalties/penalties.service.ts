import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { Conflict, Forbidden, NotFound } from '../../shared/errors.js';
import { handReason, reasonColumns, type Reason } from '../../shared/reasons.js';
import { AppError } from '../../shared/errors.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import type { EventBus } from '../events/event-bus.js';
import { type ActorRole, appendState, isUniqueViolation, publishPenalties } from './ledger.js';
import { toEntryOut, toPenaltyOut, toTypeOut } from './penalties.mapping.js';
import * as repo from './penalties.repo.js';
import type {
  DecideBody,
  DecideOut,
  PackingErrorBody,
  PenaltiesQuery,
  PenaltyCreate,
  PenaltyDetailOut,
  PenaltyOut,
  PenaltyState,
  PenaltyTypeCreate,
  PenaltyTypeOut,
  PenaltyTypePatch,
} from './penalties.schema.js';
import { markPackingError } from './mark-packing-error.js';
import {
  type PenaltySettings,
  readPenaltySettings,
  writePenaltySettings,
} from './penalty-settings.js';

const roleOf = (auth: AuthContext): ActorRole => auth.role;

/**
 * The penalty ledger's use cases for the routes: types, settings, adding by hand, deciding,
 * reversing, contests and their answers. Every change is an appended entry (ledger.ts).
 */
export class PenaltiesService {
  private readonly db: Kysely<DB>;

  constructor(
    private readonly database: Database,
    private readonly events: EventBus,
  ) {
    this.db = database.db;
  }

  async types(accountId: number): Promise<{ items: PenaltyTypeOut[] }> {
    return { items: (await repo.listTypes(this.db, accountId)).map(toTypeOut) };
  }

  async createType(
    accountId: number,
    body: PenaltyTypeCreate,
    actor: Actor,
  ): Promise<PenaltyTypeOut> {
    const id = await this.db.transaction().execute(async (trx) => {
      const now = Date.now();
      const typeId = await repo.insertType(trx, {
        accountId,
        name: body.name,
        description: body.description,
        amount: body.default_amount_minor,
        active: body.active,
        now,
      });
      await this.auditAccount(trx, accountId, 'penalty_type_added', actor, String(typeId), now);
      return typeId;
    });
    return this.type(accountId, id);
  }

  async patchType(
    accountId: number,
    id: number,
    body: PenaltyTypePatch,
    actor: Actor,
  ): Promise<PenaltyTypeOut> {
    const set = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.default_amount_minor !== undefined && {
        default_amount_minor: body.default_amount_minor,
      }),
      ...(body.active !== undefined && { active: body.active ? 1 : 0 }),
    };
    await this.db.transaction().execute(async (trx) => {
      const now = Date.now();
      if (!(await repo.updateType(trx, accountId, id, set, now)))
        throw new NotFound('penalty_type_not_found', 'This penalty type was not found.');
      await this.auditAccount(
        trx,
        accountId,
        'penalty_type_changed',
        actor,
        JSON.stringify(body),
        now,
      );
    });
    return this.type(accountId, id);
  }

  /** Changes to types and settings go on the account's trail (what changed, as JSON). */
  private auditAccount(
    db: Kysely<DB> | Transaction<DB>,
    accountId: number,
    action: string,
    actor: Actor,
    to: string,
    at: number,
  ): Promise<void> {
    return recordAudit(db, {
      accountId,
      entity: 'account',
      entityId: accountId,
      action,
      actor,
      to,
      at,
    });
  }

  private async type(accountId: number, id: number): Promise<PenaltyTypeOut> {
    const t = await repo.findType(this.db, accountId, id);
    if (!t) throw new NotFound('penalty_type_not_found', 'This penalty type was not found.');
    return toTypeOut(t);
  }

  settings(accountId: number): Promise<PenaltySettings> {
    return readPenaltySettings(this.db, accountId);
  }

  async saveSettings(
    accountId: number,
    s: PenaltySettings,
    actor: Actor,
  ): Promise<PenaltySettings> {
    const stores = s.rules.late_packing.store_hours.map((h) => h.store_id);
    if (stores.length) {
      const found = await this.db
        .selectFrom('stores')
        .select('id')
        .where('account_id', '=', accountId)
        .where('id', 'in', stores)
        .execute();
      if (found.length !== new Set(stores).size)
        throw new NotFound('store_not_found', 'This store was not found.');
    }
    await this.db.transaction().execute(async (trx) => {
      await writePenaltySettings(trx, accountId, s);
      await this.auditAccount(
        trx,
        accountId,
        'penalty_settings_changed',
        actor,
        JSON.stringify(s),
        Date.now(),
      );
    });
    return this.settings(accountId);
  }

  async list(accountId: number, q: PenaltiesQuery) {
    const beforeId = q.cursor ? Number(q.cursor) : undefined;
    if (beforeId !== undefined && !(Number.isSafeInteger(beforeId) && beforeId > 0))
      throw new AppError(400, 'invalid_cursor', 'This page cursor is not valid.');
    const rows = await repo.listPenalties(this.db, accountId, {
      ...(q.state && { state: q.state }),
      ...(q.packer_id !== undefined && { packerId: q.packer_id }),
      ...(q.order_id !== undefined && { orderId: q.order_id }),
      ...(q.from && { from: Date.parse(q.from) }),
      ...(q.to && { to: Date.parse(q.to) }),
      ...(beforeId !== undefined && { beforeId }),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toPenaltyOut),
      next_cursor: rows.length > q.limit && last ? String(last.id) : null,
    };
  }

  async get(accountId: number, id: number, packerId?: number): Promise<PenaltyDetailOut> {
    const [row] = await repo.listPenalties(this.db, accountId, {
      ids: [id],
      ...(packerId !== undefined && { packerId }),
    });
    if (!row) throw new NotFound('penalty_not_found', 'This penalty was not found.');
    const entries = await repo.listEntries(this.db, accountId, [id]);
    return { ...toPenaltyOut(row), entries: entries.map(toEntryOut) };
  }

  /**
   * A penalty added by hand: the owner's is applied at once; a manager's is applied only when
   * the owner allows managers to apply, else it waits as a proposal.
   */
  async add(auth: AuthContext, body: PenaltyCreate, actor: Actor): Promise<PenaltyOut> {
    const accountId = auth.accountId;
    const settings = await readPenaltySettings(this.db, accountId);
    const state: PenaltyState =
      auth.role === 'owner' || settings.managers_may_apply ? 'applied' : 'proposed';
    const id = await this.db.transaction().execute(async (trx) => {
      const packer = await repo.findPacker(trx, accountId, body.packer_id);
      if (!packer) throw new NotFound('packer_not_found', 'This packer was not found.');
      const type = await repo.findType(trx, accountId, body.type_id);
      if (!type) throw new NotFound('penalty_type_not_found', 'This penalty type was not found.');
      if (type.active !== 1)
        throw new Conflict('penalty_type_inactive', 'This penalty type is switched off.');
      if (body.order_id && !(await repo.findOrder(trx, accountId, body.order_id)))
        throw new NotFound('order_not_found', 'This order was not found.');
      const account = await repo.accountOf(trx, accountId);
      const now = Date.now();
      const penaltyId = await repo.insertPenalty(trx, {
        account_id: accountId,
        packer_id: body.packer_id,
        order_id: body.order_id ?? null,
        type_id: type.id,
        amount_minor: body.amount_minor ?? Number(type.default_amount_minor),
        currency: account.currency,
        note: body.note,
        rule: null,
        event_kind: null,
        event_id: null,
        rule_key: null,
        created_by_user_id: actor.userId,
        created_by_label: actor.label,
        created_at: now,
      });
      if (penaltyId === null) throw new Error('a penalty without a rule key was not inserted');
      await repo.insertEntry(trx, {
        account_id: accountId,
        penalty_id: penaltyId,
        seq: 1,
        state,
        ...reasonColumns(handReason(body.note)),
        comment: null,
        actor_user_id: actor.userId,
        actor_label: actor.label,
        actor_role: roleOf(auth),
        created_at: now,
      });
      await recordAudit(trx, {
        accountId,
        entity: 'penalty',
        entityId: penaltyId,
        action: 'added',
        actor,
        to: state,
        reason: handReason(body.note),
        at: now,
      });
      await publishPenalties(trx, this.events, accountId, [penaltyId], [body.packer_id]);
      return penaltyId;
    });
    return this.get(accountId, id);
  }

  /**
   * Applies or waives proposals one by one (each in its own transaction): one that changed
   * meanwhile or is not a proposal is reported, the others go through.
   */
  async decide(auth: AuthContext, body: DecideBody, actor: Actor): Promise<DecideOut> {
    if (auth.role !== 'owner') {
      const settings = await readPenaltySettings(this.db, auth.accountId);
      if (!settings.managers_may_apply)
        throw new Forbidden(
          'managers_may_not_apply',
          'The owner has not allowed managers to apply penalties.',
        );
    }
    const to: PenaltyState = body.decision === 'apply' ? 'applied' : 'waived';
    const items: DecideOut['items'] = [];
    for (const id of [...new Set(body.ids)]) {
      try {
        await this.move(auth.accountId, id, null, {
          to,
          reason: handReason(body.reason),
          comment: null,
          actor,
          role: roleOf(auth),
        });
        items.push({ id, ok: true, error_code: null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        items.push({ id, ok: false, error_code: err.code });
      }
    }
    return { items };
  }

  async reverse(auth: AuthContext, id: number, text: string, actor: Actor): Promise<PenaltyOut> {
    await this.move(auth.accountId, id, null, {
      to: 'reversed',
      reason: handReason(text),
      comment: null,
      actor,
      role: roleOf(auth),
    });
    return this.get(auth.accountId, id);
  }

  async resolve(
    auth: AuthContext,
    id: number,
    outcome: 'upheld' | 'cancelled',
    comment: string,
    actor: Actor,
  ): Promise<PenaltyOut> {
    await this.move(auth.accountId, id, null, {
      to: outcome,
      reason: null,
      comment,
      actor,
      role: roleOf(auth),
    });
    return this.get(auth.accountId, id);
  }

  /** A packer contests one of their own applied penalties; another's is not found. */
  async contest(auth: AuthContext, id: number, comment: string, actor: Actor): Promise<PenaltyOut> {
    if (auth.packerId === null) {
      await this.get(auth.accountId, id);
      throw new Forbidden('not_a_packer', 'The station is for packers.');
    }
    await this.move(auth.accountId, id, auth.packerId, {
      to: 'contested',
      reason: null,
      comment,
      actor,
      role: 'packer',
    });
    return this.get(auth.accountId, id, auth.packerId);
  }

  private async move(
    accountId: number,
    id: number,
    onlyPacker: number | null,
    m: {
      to: PenaltyState;
      reason: Reason | null;
      comment: string | null;
      actor: Actor;
      role: ActorRole;
    },
  ): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        const p = await trx
          .selectFrom('penalties')
          .select(['id', 'packer_id'])
          .where('account_id', '=', accountId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!p || (onlyPacker !== null && Number(p.packer_id) !== onlyPacker))
          throw new NotFound('penalty_not_found', 'This penalty was not found.');
        await appendState(trx, this.events, this.database.dialect, {
          accountId,
          penaltyId: id,
          packerId: Number(p.packer_id),
          at: Date.now(),
          ...m,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict('changed_meanwhile', 'This penalty changed meanwhile.');
      throw err;
    }
  }

  /** A return or complaint marked as a packing error (mark-packing-error.ts). */
  markPackingError(accountId: number, orderId: number, body: PackingErrorBody, actor: Actor) {
    return markPackingError(this.db, this.events, accountId, orderId, body, actor);
  }
}
