import type { Database } from '../../db/database.js';
import { Conflict, NotFound } from '../../shared/errors.js';
import { retryPendingPushes } from '../sync/push-retry.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { listDead, retryDead } from '../../jobs/jobs.repo.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { type Actor, SYSTEM_ACTOR } from '../audit/audit.repo.js';
import { type StoreMessage, StoreUnreachable } from '../connectors/connector.js';
import type { StoreStatus } from '../connectors/unified-order.js';
import type { StoreConnections } from './store-connections.js';
import type { StoreRow } from './stores.schema.js';
import * as repo from './stores.repo.js';
import * as lifecycle from './store-lifecycle.js';
import { syncJobKey } from './store-lifecycle.js';
import {
  type SyncDefaults,
  type SyncSettingsInput,
  applySyncSettings,
  effectiveSettings,
} from './sync-settings.js';

export interface ConnectInput {
  email: string;
  password: string;
  app_user: string;
  app_password: string;
  store_url: string;
  /** How far back the first sync goes (the plugin's Connect page); default SYNC_FIRST_DAYS. */
  first_sync_days?: number;
}

export interface AddStoreInput {
  url: string;
  name?: string;
  connector: 'woocommerce' | 'woocommerce-rest';
  credentials: Record<string, string>;
  /** How far back the first sync goes; default the configured SYNC_FIRST_DAYS. */
  firstSyncDays?: number;
}

/** The store could not be verified: what it answered, for the owner to read (HTTP 422). */
export type Verification = { ok: true; status: StoreStatus } | { ok: false; message: StoreMessage };

export type ConnectResult = { ok: true; storeId: number } | { ok: false; unverified: StoreMessage };

export { syncJobKey };

export class StoresService {
  constructor(
    private readonly database: Database,
    private readonly accounts: AccountsService,
    private readonly connections: StoreConnections,
    /** Every connect attempt makes this server call a URL chosen by the caller: bound them per address. */
    private readonly connectRateLimit: { max: number },
    private readonly syncDefaults: SyncDefaults,
    /** A worker silent this long is dead: a sync it held shows as stalled. */
    private readonly workerDeadMs: number,
  ) {}

  /**
   * The plugin's Save & connect: owner credentials, then the store's `status` called back
   * with the new application password, then the store created or updated with the credential
   * sealed, and its first sync queued in the same transaction. Passwords are never logged.
   */
  async connect(input: ConnectInput, ip: string): Promise<ConnectResult> {
    await this.accounts.attempts.take([
      { key: `connect-call:${ip}`, max: this.connectRateLimit.max },
    ]);
    const owner = await this.accounts.verifyOwner(input.email, input.password, ip);
    const storeId = await this.verifyAndSave(owner.accountId, {
      url: input.store_url,
      connector: 'woocommerce',
      credentials: { app_user: input.app_user, app_password: input.app_password },
      ...(input.first_sync_days !== undefined && { firstSyncDays: input.first_sync_days }),
    });
    return typeof storeId === 'number' ? { ok: true, storeId } : { ok: false, unverified: storeId };
  }

  /** A store added by hand in the dashboard (Application Password, or WooCommerce REST keys). */
  async addByHand(
    accountId: number,
    input: AddStoreInput,
    actor: Actor,
  ): Promise<{ ok: true; storeId: number } | { ok: false; unverified: StoreMessage }> {
    const r = await this.verifyAndSave(accountId, input, actor);
    return typeof r === 'number' ? { ok: true, storeId: r } : { ok: false, unverified: r };
  }

  /** `actor` is recorded when a store added again changes its first-sync days. */
  private async verifyAndSave(
    accountId: number,
    input: AddStoreInput,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<number | StoreMessage> {
    const urlKey = repo.storeUrlKey(input.url);
    // The store's credentials first: only someone who holds them learns that the store is
    // connected to another account (store_taken), never a prober with a URL.
    const v = await this.verify(input.connector, input.url, input.credentials);
    if (!v.ok) return v.message;
    const sealed = this.connections.vault.sealJson(
      this.connections.connector(input.connector).credentials.parse(input.credentials),
    );
    const now = Date.now();
    return this.database.db.transaction().execute(async (trx) => {
      const existing = await repo.findStoreByUrlKey(trx, urlKey);
      if (existing && existing.account_id !== accountId)
        throw new Conflict('store_taken', 'This store is connected to another ecomdir account.');
      let id: number;
      if (existing) {
        id = existing.id;
        await repo.updateStore(trx, id, {
          url: input.url,
          connector: input.connector,
          credentials: sealed,
          store_info: JSON.stringify(v.status),
          status: 'connected',
          ...(input.name && { name: input.name }),
          last_error_code: null,
          last_error: null,
          error_since: null,
          // Reconnected: a paused or removed store is back, its waiting jobs run.
          paused_at: null,
          paused_reason: null,
          credential_rejections: 0,
          removed_at: null,
          updated_at: now,
        });
        // Reconnected: the write-backs waiting for the store go now (sync/push-retry.ts).
        await retryPendingPushes(trx, accountId, now);
        // The same store added again: the first-sync days follow the settings' rule.
        if (input.firstSyncDays !== undefined)
          await applySyncSettings(
            trx,
            existing,
            { first_sync_days: input.firstSyncDays },
            this.syncDefaults,
            actor,
            now,
          );
      } else {
        id = await repo.insertStore(trx, {
          accountId,
          name: input.name ?? new URL(input.url).host.replace(/^www\./, ''),
          url: input.url,
          connector: input.connector,
          credentials: sealed,
          storeInfo: JSON.stringify(v.status),
          firstSyncDays: input.firstSyncDays ?? null,
          now,
        });
      }
      await enqueue(trx, {
        kind: 'store.sync',
        payload: { store_id: id },
        accountId,
        dedupeKey: syncJobKey(id),
        maxAttempts: 3,
      });
      return id;
    });
  }

  private async verify(
    connector: string,
    url: string,
    credentials: Record<string, string>,
  ): Promise<Verification> {
    try {
      const r = await this.connections.withCredentials(connector, url, credentials).status();
      return r.ok
        ? { ok: true, status: r.result }
        : {
            ok: false,
            message: r.messages[0] ?? { code: 'store_refused', message: 'The store refused.' },
          };
    } catch (err) {
      if (err instanceof StoreUnreachable)
        return { ok: false, message: { code: err.code, message: err.message } };
      throw err;
    }
  }

  async list(accountId: number): Promise<StoreRow[]> {
    const rows = await repo.listStoresWithHealth(
      this.database.db,
      accountId,
      Date.now() - this.workerDeadMs,
    );
    return rows.map((r) => this.withSettings(r));
  }

  /** A listed store with its effective sync settings (its own, else the defaults). */
  private withSettings(r: Awaited<ReturnType<typeof repo.listStoresWithHealth>>[number]): StoreRow {
    return { ...r, ...effectiveSettings(r, this.syncDefaults) };
  }

  /** What a store without its own settings gets (the dashboard shows and pre-fills them). */
  defaultSettings() {
    return effectiveSettings({ first_sync_days: null, poll_seconds: null }, this.syncDefaults);
  }

  async get(accountId: number, storeId: number): Promise<StoreRow> {
    const [r] = await repo.listStoresWithHealth(
      this.database.db,
      accountId,
      Date.now() - this.workerDeadMs,
      storeId,
    );
    if (!r) throw new NotFound('store_not_found', `Store ${storeId} not found.`);
    return this.withSettings(r);
  }

  /** The owner's or a manager's change of the store's sync settings (rules: sync-settings.ts). */
  async updateSettings(
    accountId: number,
    storeId: number,
    input: SyncSettingsInput,
    actor: Actor,
  ): Promise<StoreRow> {
    await this.database.db.transaction().execute(async (trx) => {
      const store = await repo.findStoreInAccount(trx, accountId, storeId);
      if (!store) throw new NotFound('store_not_found', `Store ${storeId} not found.`);
      await applySyncSettings(trx, store, input, this.syncDefaults, actor, Date.now());
    });
    return this.get(accountId, storeId);
  }

  /** Sync now: the store's pending sync job (or a new one) runs at once. */
  async syncNow(accountId: number, storeId: number): Promise<number> {
    const store = await repo.findStoreInAccount(this.database.db, accountId, storeId);
    if (!store) throw new NotFound('store_not_found', `Store ${storeId} not found.`);
    if (store.removed_at !== null)
      throw new Conflict('store_removed', `Store ${storeId} was removed; connect it again first.`);
    if (store.paused_at !== null)
      throw new Conflict('store_paused', `Store ${storeId} is paused; resume it first.`);
    const now = Date.now();
    return this.database.db.transaction().execute(async (trx) => {
      const id = await enqueue(trx, {
        kind: 'store.sync',
        payload: { store_id: storeId },
        accountId,
        dedupeKey: syncJobKey(storeId),
        maxAttempts: 3,
      });
      await trx
        .updateTable('jobs')
        .set({ run_at: now })
        .where('id', '=', id)
        .where('state', '=', 'queued')
        .execute();
      return id;
    });
  }

  /** The owner pauses the store: not polled, its jobs wait (store-lifecycle.ts). */
  async pause(accountId: number, storeId: number, actor: Actor): Promise<StoreRow> {
    await lifecycle.pauseStore(this.database.db, accountId, storeId, actor);
    return this.get(accountId, storeId);
  }

  /** Polled again; its waiting jobs run and a sync is due at once. */
  async resume(accountId: number, storeId: number, actor: Actor): Promise<StoreRow> {
    await lifecycle.resumeStore(this.database.db, accountId, storeId, actor);
    return this.get(accountId, storeId);
  }

  /** Removes the store, keeping its orders readable or deleting all of them (the owner chooses). */
  async remove(
    accountId: number,
    storeId: number,
    keepOrders: boolean,
    actor: Actor,
  ): Promise<{ ordersDeleted: number }> {
    return lifecycle.removeStore(this.database.db, accountId, storeId, keepOrders, actor);
  }

  async deadJobs(accountId: number) {
    return listDead(this.database.db, accountId);
  }

  async retryJob(accountId: number, jobId: number): Promise<void> {
    if (!(await retryDead(this.database.db, accountId, jobId, Date.now())))
      throw new NotFound('job_not_found', `No dead job ${jobId}.`);
  }
}
