import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { NotFound } from '../../shared/errors.js';
import { iso } from '../../shared/json.js';
import { reasonOf } from '../../shared/reasons.js';
import type { Actor } from '../audit/audit.repo.js';
import { compactEvent, type EventBus } from '../events/event-bus.js';
import * as repo from './distribution.repo.js';
import { type WrittenOrder, forDistribution } from './distribution.repo.js';
import type { DistributionSettingsOut, SettingsPut, UnassignedOut } from './distribution.schema.js';
import {
  type RunMode,
  type RunResult,
  type WrittenHere,
  distributeInTransaction,
} from './engine.js';
import { knownSkillsOf } from './decide.js';
import { STRATEGY_KEYS, type Candidate } from './distribution.types.js';
import { type EligibilityContext, eligibilityContext, keepsOrder, onShift } from './eligibility.js';
import { STRATEGIES } from './strategies.js';

/** Who the audit trail names for automatic decisions. */
export const DISTRIBUTION_ACTOR: Actor = { userId: null, label: 'distribution' };

/** How many queued orders one periodic check retries per account. */
const QUEUE_BATCH = 500;

export class DistributionService {
  constructor(
    private readonly database: Database,
    private readonly events: EventBus,
  ) {}

  private get deps() {
    return { dialect: this.database.dialect, events: this.events };
  }

  /**
   * Called inside the transaction that creates or updates an order (manual creation, the
   * store sync's upsert). Distributes the order if the store's settings say so; does
   * nothing for orders that already have a packer. Must run in the caller's transaction so
   * the order and its assignment commit together.
   */
  onOrderSaved = (trx: Transaction<DB>, accountId: number, orderId: number): Promise<void> =>
    this.onOrdersSaved(trx, accountId, [orderId]);

  /** The same for many orders at once: one engine run. */
  onOrdersSaved = async (
    trx: Transaction<DB>,
    accountId: number,
    orderIds: number[],
  ): Promise<void> => {
    if (orderIds.length === 0) return;
    await this.distributeAuto(trx, accountId, orderIds);
  };

  /**
   * New orders the store sync has just written in this transaction, handed over as written
   * (one engine run per sync transaction): reading them back cost a query per table.
   */
  onOrdersWritten = async (
    trx: Transaction<DB>,
    accountId: number,
    orders: readonly WrittenOrder[],
  ): Promise<void> => {
    if (orders.length === 0) return;
    await this.distributeAuto(trx, accountId, {
      written: orders.map((o) => forDistribution(o, o.items)),
    });
  };

  /**
   * The store changed orders already known (the lifecycle table, docs/stores-and-sync.md),
   * in the transaction that applied the change: orders closed or completed in the store
   * leave the Unassigned queue and their packer's queue (stations are told at once; the
   * order's history says why); orders that became distributable (pending → processing,
   * restored from the trash) are distributed now; a packer whose order left has room for
   * the waiting queue.
   */
  onStoreChanges = async (
    trx: Transaction<DB>,
    accountId: number,
    changes: {
      moved: readonly { id: number; to: string; packer_id: number | null }[];
      maybeDistributable: readonly number[];
    },
  ): Promise<void> => {
    const left = changes.moved.filter((m) => m.to !== 'new');
    if (left.length) {
      await repo.clearUnassigned(
        trx,
        accountId,
        left.map((m) => m.id),
      );
      await this.events.publish(
        trx,
        compactEvent(
          accountId,
          left.map((m) => m.id),
          left.map((m) => m.packer_id),
        ),
      );
    }
    if (changes.maybeDistributable.length)
      await this.distributeAuto(trx, accountId, [...changes.maybeDistributable]);
    if (left.some((m) => m.packer_id !== null)) await this.retryQueue(trx, accountId, Date.now());
  };

  private async distributeAuto(
    trx: Transaction<DB>,
    accountId: number,
    which: number[] | WrittenHere,
  ): Promise<void> {
    const r = await distributeInTransaction(
      trx,
      this.deps,
      accountId,
      which,
      'auto',
      DISTRIBUTION_ACTOR,
    );
    // The engine announces orders it assigned or queued; the others still arrived or changed.
    const told = new Set([...r.assigned.map((x) => x.id), ...r.unassigned.map((x) => x.id)]);
    const ids = 'written' in which ? which.written.map((o) => o.id) : which;
    const rest = ids.filter((id) => !told.has(id));
    if (rest.length) await this.events.publish(trx, compactEvent(accountId, rest, []));
  }

  /**
   * Called inside the transaction that changes a packer. A packer who is now inactive or
   * off shift gives up their unconfirmed orders; one who can work picks up the queue.
   */
  onPackerChanged = async (
    trx: Transaction<DB>,
    accountId: number,
    packerId: number,
  ): Promise<void> => {
    const now = Date.now();
    const [packers, tz] = await Promise.all([
      repo.loadCandidates(trx, accountId),
      repo.accountTimeZone(trx, accountId),
    ]);
    const packer = packers.find((p) => p.id === packerId);
    if (!packer) return;
    const available = packer.active && onShift(packer.shifts, now, tz);
    // Deactivated: all of their unconfirmed orders move. Off shift: those distribution gave
    // them (an order given by hand is the person's decision and stays). Still here: only the
    // orders someone may no longer keep (a store taken away, a skill removed, or a skill now
    // required because this packer declared it), theirs or anyone's, again not by hand.
    const ids = available
      ? await this.misfits(
          trx,
          accountId,
          packers,
          eligibilityContext(now, tz, knownSkillsOf(packers)),
        )
      : await this.assignedOrdersOf(trx, accountId, [packerId], packer.active);
    if (ids.length) await this.redistribute(trx, accountId, ids, now);
    if (available) await this.retryQueue(trx, accountId, now);
  };

  private redistribute(
    trx: Transaction<DB>,
    accountId: number,
    ids: number[],
    now: number,
  ): Promise<RunResult> {
    return distributeInTransaction(
      trx,
      this.deps,
      accountId,
      ids,
      'redistribute',
      DISTRIBUTION_ACTOR,
      now,
    );
  }

  /** Unconfirmed assigned orders whose packer may no longer keep them (see keepsOrder). */
  private async misfits(
    trx: Transaction<DB>,
    accountId: number,
    packers: readonly Candidate[],
    ctx: EligibilityContext,
  ): Promise<number[]> {
    const byId = new Map(packers.map((p) => [p.id, p]));
    const ids = await this.assignedOrdersOf(trx, accountId, undefined, true);
    if (ids.length === 0) return [];
    const orders = await repo.loadOrders(trx, accountId, ids);
    return orders
      .filter((o) => {
        const p = o.packerId === null ? undefined : byId.get(o.packerId);
        return p !== undefined && !keepsOrder(o, p, ctx);
      })
      .map((o) => o.id);
  }

  async distribute(accountId: number, orderIds: number[], actor: Actor): Promise<RunResult> {
    return this.database.db
      .transaction()
      .execute((trx) =>
        distributeInTransaction(trx, this.deps, accountId, orderIds, 'on-demand', actor),
      );
  }

  async run(
    accountId: number,
    orderIds: number[],
    mode: RunMode,
    actor: Actor,
    now = Date.now(),
  ): Promise<RunResult> {
    return this.database.db
      .transaction()
      .execute((trx) =>
        distributeInTransaction(trx, this.deps, accountId, orderIds, mode, actor, now),
      );
  }

  /**
   * The periodic check (every minute): packers whose shift ended, or who were deactivated,
   * give up their unconfirmed orders; the Unassigned queue is retried. Idempotent, so any
   * number of processes may run it.
   */
  async tick(now = Date.now()): Promise<{ redistributed: number; assigned: number }> {
    let redistributed = 0;
    let assigned = 0;
    for (const accountId of await repo.accountIds(this.database.db)) {
      const r = await this.database.db.transaction().execute(async (trx) => {
        const [packers, tz] = await Promise.all([
          repo.loadCandidates(trx, accountId),
          repo.accountTimeZone(trx, accountId),
        ]);
        const inactive = packers.filter((p) => p.openOrders > 0 && !p.active).map((p) => p.id);
        const offShift = packers
          .filter((p) => p.openOrders > 0 && p.active && !onShift(p.shifts, now, tz))
          .map((p) => p.id);
        // An order given by hand stays with its packer past the end of the shift (the person
        // decided); a deactivated packer gives up every order.
        const ids = [
          ...(inactive.length ? await this.assignedOrdersOf(trx, accountId, inactive) : []),
          ...(offShift.length ? await this.assignedOrdersOf(trx, accountId, offShift, true) : []),
        ];
        const moved = ids.length ? await this.redistribute(trx, accountId, ids, now) : null;
        const queued = await this.retryQueue(trx, accountId, now);
        return { redistributed: ids.length, assigned: (moved?.assigned.length ?? 0) + queued };
      });
      redistributed += r.redistributed;
      assigned += r.assigned;
    }
    return { redistributed, assigned };
  }

  private async retryQueue(trx: Transaction<DB>, accountId: number, now: number): Promise<number> {
    const rows = await trx
      .selectFrom('unassigned_orders')
      .select('order_id')
      .where('account_id', '=', accountId)
      .orderBy('since_at')
      .orderBy('order_id')
      .limit(QUEUE_BATCH)
      .execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.order_id);
    const r = await distributeInTransaction(
      trx,
      this.deps,
      accountId,
      ids,
      'auto',
      DISTRIBUTION_ACTOR,
      now,
    );
    // Orders that left the queue's conditions (confirmed by hand, cancelled, …) leave it.
    const stale = r.skipped.filter((s) => s.code !== 'distribution_off').map((s) => s.id);
    await repo.clearUnassigned(trx, accountId, stale);
    return r.assigned.length;
  }

  /**
   * Unconfirmed assigned orders of these packers, or of every packer of the account;
   * `exceptByHand` leaves out those a person gave to their packer.
   */
  private async assignedOrdersOf(
    trx: Transaction<DB>,
    accountId: number,
    packerIds?: number[],
    exceptByHand = false,
  ): Promise<number[]> {
    const rows = await trx
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', accountId)
      .$if(packerIds !== undefined, (qb) => qb.where('packer_id', 'in', packerIds ?? []))
      .$if(exceptByHand, (qb) => qb.where('assigned_by_hand', '=', 0))
      .where('status', '=', 'assigned')
      .where('confirmed_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async settings(accountId: number): Promise<DistributionSettingsOut> {
    const db = this.database.db;
    const [rows, stores] = await Promise.all([
      repo.listSettingsRows(db, accountId),
      db
        .selectFrom('stores')
        .select(['id', 'name'])
        .where('account_id', '=', accountId)
        .orderBy('name')
        .orderBy('id')
        .execute(),
    ]);
    const byKey = new Map(rows.map((r) => [r.storeKey, r]));
    const of = (key: number) => byKey.get(key) ?? { storeKey: key, ...repo.DEFAULT_SETTINGS };
    const manual = of(repo.MANUAL_STORE_KEY);
    return {
      strategies: STRATEGY_KEYS.map((key) => ({ key, label: STRATEGIES[key].label })),
      manual: { strategy: manual.strategy, enabled: manual.enabled },
      stores: stores.map((s) => {
        const x = of(s.id);
        return {
          store_id: s.id,
          store_name: s.name,
          strategy: x.strategy,
          enabled: x.enabled,
          store_statuses: x.storeStatuses,
        };
      }),
    };
  }

  async saveSettings(
    accountId: number,
    input: SettingsPut,
    actor: Actor,
  ): Promise<DistributionSettingsOut> {
    const db = this.database.db;
    if (input.store_id !== null) {
      const store = await db
        .selectFrom('stores')
        .select('id')
        .where('account_id', '=', accountId)
        .where('id', '=', input.store_id)
        .executeTakeFirst();
      if (!store) throw new NotFound('store_not_found', `Store ${input.store_id} not found.`);
    }
    const key = repo.storeKeyOf(input.store_id);
    const now = Date.now();
    await db.transaction().execute(async (trx) => {
      const current = (await repo.listSettingsRows(trx, accountId)).find((r) => r.storeKey === key);
      const next = {
        storeKey: key,
        strategy: input.strategy,
        enabled: input.enabled,
        storeStatuses:
          input.store_statuses ?? current?.storeStatuses ?? repo.DEFAULT_SETTINGS.storeStatuses,
      };
      await repo.upsertSettings(trx, accountId, next, now);
      await trx
        .insertInto('audit_events')
        .values({
          account_id: accountId,
          entity: input.store_id === null ? 'account' : 'store',
          entity_id: input.store_id ?? accountId,
          action: 'distribution_settings',
          actor_user_id: actor.userId,
          actor_label: actor.label,
          from_value: current ? `${current.strategy}${current.enabled ? '' : ' (off)'}` : null,
          to_value: `${next.strategy}${next.enabled ? '' : ' (off)'}; statuses ${next.storeStatuses.join(', ')}`,
          created_at: now,
        })
        .execute();
    });
    return this.settings(accountId);
  }

  async unassigned(accountId: number): Promise<UnassignedOut> {
    const rows = await this.database.db
      .selectFrom('unassigned_orders as u')
      .innerJoin('orders as o', 'o.id', 'u.order_id')
      .leftJoin('stores as s', 's.id', 'o.store_id')
      .select([
        'u.order_id',
        'o.number',
        'o.store_id',
        's.name as store_name',
        'o.customer_name',
        'o.created_at',
        'u.reason_code',
        'u.reason_params',
        'u.since_at',
        'u.checked_at',
      ])
      .where('u.account_id', '=', accountId)
      .where('o.account_id', '=', accountId)
      .where('o.packer_id', 'is', null)
      .orderBy('u.since_at')
      .orderBy('u.order_id')
      .limit(1000)
      .execute();
    return {
      items: rows.map((r) => ({
        order_id: r.order_id,
        number: r.number,
        store: r.store_id === null ? null : { id: r.store_id, name: r.store_name ?? '' },
        customer_name: r.customer_name,
        created_at: iso(r.created_at),
        reason: reasonOf(r),
        since: iso(r.since_at),
        checked_at: iso(r.checked_at),
      })),
    };
  }
}
