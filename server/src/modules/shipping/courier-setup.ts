import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { iso } from '../../shared/json.js';
import { toDecimal } from '../../shared/money.js';
import { Conflict, Invalid, NotFound } from '../../shared/errors.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { findOrder } from '../orders/orders.repo.js';
import type {
  CourierAccountEdit,
  CourierAccountInput,
  CourierAccounts,
} from './courier-accounts.js';
import type { Courier, CourierMessage, CourierOutcome } from './couriers/courier.js';
import type { CourierRegistry } from './couriers/registry.js';
import * as lockersRepo from './lockers.repo.js';
import { shipmentForOrder } from './shipment-input.js';
import { defaultSender, readShippingSettings } from './shipping-settings.js';

/** How long a courier's locker list is trusted before the daily job reads it again. */
export const LOCKERS_STALE_MS = 24 * 60 * 60_000;

/**
 * What the shop sets up around the couriers: the list of couriers with what each asks and
 * offers, the logins (add, edit, Test connection), the price estimate per courier before an
 * AWB, and the cached lockers.
 */
export class CourierSetup {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly couriers: CourierRegistry,
    private readonly accounts: CourierAccounts,
  ) {}

  /** Every courier with its login fields, capabilities and which optional operations it has. */
  list() {
    return this.couriers.keys().flatMap((k) => {
      const c = this.couriers.find(k);
      if (!c) return [];
      const caps = c.capabilities;
      return [
        {
          key: c.key,
          name: c.name,
          capabilities: {
            cod: caps.cod,
            label_formats: [...caps.labelFormats],
            cancel: caps.cancel,
            tracking: caps.tracking,
            lockers: caps.lockers,
            saturday: caps.saturday ?? false,
            open_package: caps.openPackage ?? false,
          },
          credential_fields: c.credentialFields.map((f) => ({ ...f })),
          operations: {
            connect: typeof c.connect === 'function',
            lockers: typeof c.lockers === 'function',
            localities: typeof c.localities === 'function',
            estimate: typeof c.estimate === 'function',
            cod_settlements: typeof c.codSettlements === 'function',
          },
        },
      ];
    });
  }

  async accountList(accountId: number) {
    const rows = await this.accounts.list(accountId);
    return {
      items: rows.map((r) => ({
        ...r,
        created_at: iso(r.created_at),
        updated_at: iso(r.updated_at),
      })),
    };
  }

  async addAccount(accountId: number, input: CourierAccountInput) {
    const courier = this.courierOf(input.courier);
    const missing = courier.credentialFields.filter((f) => f.required && !input.credentials[f.key]);
    if (missing.length)
      throw new Invalid(
        'courier_credentials_missing',
        `Fill in: ${missing.map((f) => f.key).join(', ')}.`,
      );
    const id = await this.accounts.add(accountId, input);
    return this.account(accountId, id);
  }

  async editAccount(accountId: number, id: number, edit: CourierAccountEdit) {
    if (!(await this.accounts.edit(accountId, id, edit)))
      throw new NotFound('courier_account_not_found', 'This courier account was not found.');
    return this.account(accountId, id);
  }

  async removeAccount(accountId: number, id: number): Promise<void> {
    if (!(await this.accounts.remove(accountId, id)))
      throw new NotFound('courier_account_not_found', 'This courier account was not found.');
  }

  /**
   * Test connection: the courier logs in with this account's credentials and reads its
   * services and pickup points (the choices offered in the settings), or says why not.
   */
  async test(accountId: number, id: number) {
    const found = await this.accounts.contextById(accountId, id);
    if (!found)
      throw new NotFound('courier_account_not_found', 'This courier account was not found.');
    const courier = this.courierOf(found.courier);
    if (!courier.connect)
      throw new Conflict(
        'courier_operation_unsupported',
        'This courier has no connection to test.',
      );
    const r = await this.unreachableAsMessage(() => courier.connect!(found.ctx));
    if (!r.ok) return { ok: false, services: [], pickup_points: [], messages: r.messages };
    // The courier's locker services are remembered: generating with one requires a locker.
    const lockerServices = r.services.filter((s) => s.locker).map((s) => s.id);
    await this.accounts.edit(accountId, id, {
      options: { ...found.ctx.options, locker_services: lockerServices.join(',') },
    });
    return {
      ok: true,
      services: r.services.map((s) => ({ ...s })),
      pickup_points: r.pickupPoints.map((p) => ({
        id: p.id,
        name: p.name,
        address: p.address,
        is_default: p.isDefault,
      })),
      messages: [] as CourierMessage[],
    };
  }

  /**
   * The price of this order's parcel at each courier the shop has a login at and whose API
   * estimates, with the service saved as the login's default (option `service`), else the
   * settings' default service. A courier's refusal is shown as its messages, not an error.
   */
  async estimates(accountId: number, orderId: number) {
    const order = await findOrder(this.db, accountId, orderId);
    if (!order) throw new NotFound('order_not_found', 'This order was not found.');
    const settings = await readShippingSettings(this.db, accountId);
    const sender = defaultSender(settings);
    if (!sender)
      throw new Invalid('sender_address_missing', 'Add a sender address in the shipping settings.');
    const keys = await this.accounts.couriersWithLogin(accountId);
    const items = [];
    for (const key of keys) {
      const courier = this.couriers.find(key);
      if (!courier?.estimate) continue;
      const ctx = await this.accounts.contextOf(accountId, key);
      const service = ctx.options.service || settings.default_service;
      const { unified } = await shipmentForOrder(this.db, order, settings, sender, {
        courier: key,
        service,
      });
      const r = await this.unreachableAsMessage(() => courier.estimate!(ctx, unified));
      items.push({
        courier: key,
        courier_name: courier.name,
        service,
        amount: r.ok ? toDecimal(r.amountMinor) : null,
        currency: r.ok ? r.currency : null,
        messages: r.ok ? [] : r.messages,
      });
    }
    return { items };
  }

  /** Reads the courier's lockers with the account's login and replaces the cached list. */
  async refreshLockers(accountId: number, key: string) {
    const courier = this.courierOf(key);
    if (!courier.lockers)
      throw new Conflict('courier_operation_unsupported', 'This courier lists no lockers.');
    if (!(await this.accounts.couriersWithLogin(accountId)).includes(key))
      throw new Conflict('courier_account_missing', 'Add an account for this courier first.');
    const ctx = await this.accounts.contextOf(accountId, key);
    const r = await this.unreachableAsMessage(() => courier.lockers!(ctx));
    if (!r.ok) return { ok: false, count: 0, messages: r.messages };
    const now = Date.now();
    await this.db
      .transaction()
      .execute((trx) => lockersRepo.replaceLockers(trx, accountId, key, r.lockers, now));
    return { ok: true, count: r.lockers.length, messages: [] as CourierMessage[] };
  }

  /**
   * The periodic tick: every login at a courier with lockers whose list is a day old (or was
   * never read) gets a refresh job; returns how many were queued.
   */
  async enqueueStaleLockers(now = Date.now()): Promise<number> {
    const rows = await this.db
      .selectFrom('courier_accounts')
      .select(['account_id', 'courier'])
      .distinct()
      .execute();
    let queued = 0;
    for (const r of rows) {
      if (!this.couriers.find(r.courier)?.lockers) continue;
      const at = await lockersRepo.lockersRefreshedAt(this.db, r.account_id, r.courier);
      if (at !== null && now - at < LOCKERS_STALE_MS) continue;
      await enqueue(this.db, {
        kind: 'courier.refresh_lockers',
        accountId: r.account_id,
        payload: { courier: r.courier },
        dedupeKey: `courier.refresh_lockers:${r.account_id}:${r.courier}`,
        maxAttempts: 1,
      });
      queued++;
    }
    return queued;
  }

  /** The job: a courier's refusal is kept as it is (the next tick tries again), not thrown. */
  async refreshLockersJob(accountId: number | null, courier: string): Promise<void> {
    if (accountId === null) return;
    await this.refreshLockers(accountId, courier);
  }

  async searchLockers(accountId: number, key: string, text: string) {
    this.courierOf(key);
    const rows = await lockersRepo.searchLockers(this.db, accountId, key, text, 50);
    const at = await lockersRepo.lockersRefreshedAt(this.db, accountId, key);
    return {
      refreshed_at: at === null ? null : iso(at),
      items: rows.map((l) => ({
        id: l.locker_id,
        name: l.name,
        address: l.address,
        city: l.city,
        county: l.county,
        postcode: l.postcode,
        max_size_cm:
          l.max_length_cm !== null && l.max_width_cm !== null && l.max_height_cm !== null
            ? { length: l.max_length_cm, width: l.max_width_cm, height: l.max_height_cm }
            : null,
        max_weight_kg: l.max_weight_grams === null ? null : (l.max_weight_grams / 1000).toFixed(3),
      })),
    };
  }

  private async account(accountId: number, id: number) {
    const row = (await this.accountList(accountId)).items.find((r) => r.id === id);
    if (!row)
      throw new NotFound('courier_account_not_found', 'This courier account was not found.');
    return row;
  }

  private courierOf(key: string): Courier {
    const c = this.couriers.find(key);
    if (!c) throw new Invalid('courier_unknown', 'This courier is not available on this server.');
    return c;
  }

  /** A courier out of reach is, for these read-only calls, one more message to show. */
  private async unreachableAsMessage<T>(
    call: () => Promise<CourierOutcome<T>>,
  ): Promise<CourierOutcome<T>> {
    try {
      return await call();
    } catch {
      return { ok: false, messages: [{ code: 'courier_unreachable', text: '' }], retryable: true };
    }
  }
}
