import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, OrderStatus, ShipmentRow } from '../../db/schema.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { Conflict, Invalid, NotFound } from '../../shared/errors.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import { compactEvent, type EventBus } from '../events/event-bus.js';
import { findOrder } from '../orders/orders.repo.js';
import { parseJsonColumn } from '../../shared/json.js';
import type {
  CourierContext,
  CourierMessage,
  MadeShipment,
  ResolvedDestination,
  UnifiedShipment,
} from './couriers/courier.js';
import type { CourierRegistry } from './couriers/registry.js';
import {
  detailsOf,
  type GenerateOptions,
  parseDetails,
  shipmentForOrder,
} from './shipment-input.js';
import { isLockerService } from './lockers.repo.js';
import * as repo from './shipments.repo.js';
import { defaultSender, readShippingSettings } from './shipping-settings.js';
import { reason } from '../../shared/reasons.js';

const EMPTY_ADDRESS: UnifiedShipment['sender'] = {
  name: '',
  phone: '',
  address1: '',
  city: '',
  county: '',
  country: 'RO',
};

/** Orders in these states get no new AWB. */
const NOT_SHIPPABLE: ReadonlySet<OrderStatus> = new Set(['cancelled', 'delivered', 'returned']);
/** An order in these states moves to `shipped` when its AWB is made. */
export const BEFORE_SHIPPED: readonly OrderStatus[] = ['new', 'assigned', 'confirmed', 'packed'];
/** How often a courier with a tracking API is asked about a shipment (first time and after). */
export const TRACK_EVERY_MS = 30 * 60_000;

export interface ShipmentMakerDeps {
  db: Kysely<DB>;
  couriers: CourierRegistry;
  events: EventBus;
  contextOf: (accountId: number, courier: string) => Promise<CourierContext>;
  /** The public tracking page of a token (ecomdir's own page: /t/<token>). */
  trackingPage: (token: string) => string;
  /**
   * The recipient matched to the courier's nomenclature (null: the courier needs none);
   * throws `address_unmatched` with the candidates. May call the courier: never in a transaction.
   */
  destinationFor?: (
    accountId: number,
    orderId: number,
    courier: string,
    recipient: UnifiedShipment['recipient'],
  ) => Promise<ResolvedDestination | null>;
}

/** The destination resolved before the reservation, for the courier it was resolved for. */
interface Resolved {
  courier: string;
  destination: ResolvedDestination | null;
}

/**
 * Makes an order's AWB in two phases: reserve a row (attempt n, its idempotency key) → call
 * the courier → store the AWB. Every path that could make a second AWB is closed:
 * - two requests at once reserve the same attempt: the unique (order_id, attempt) lets one in,
 *   the other gets the same row; while the winner talks to the courier the row is claimed;
 * - a crash (or a timeout) after the courier made the AWB leaves a pending row that was
 *   already sent: the retry asks `findByReference` and stores what it finds;
 * - a made AWB is returned as it is; a new one needs the old one cancelled (or refused).
 */
export class ShipmentMaker {
  constructor(private readonly deps: ShipmentMakerDeps) {}

  async generate(
    accountId: number,
    orderId: number,
    opts: GenerateOptions,
    actor: Actor,
  ): Promise<ShipmentRow> {
    const resolved = await this.resolveDestination(accountId, orderId, opts);
    let row = await this.reserve(accountId, orderId, opts, actor, resolved);
    if (row.phase !== 'pending') return row;
    if (!row.claimed) {
      if (!(await repo.claimPending(this.deps.db, row.id, Date.now()))) return row;
    }
    row = { ...row, claimed: true };
    await this.talkToCourier(row, actor);
    const after = await repo.findShipment(this.deps.db, accountId, row.id);
    if (!after) throw new NotFound('shipment_not_found', 'This shipment was not found.');
    return after;
  }

  /** The courier an AWB of this order would go to now (rules or the default), or null. */
  async plannedCourier(accountId: number, orderId: number): Promise<string | null> {
    const db = this.deps.db;
    const order = await findOrder(db, accountId, orderId);
    if (!order) return null;
    const settings = await readShippingSettings(db, accountId);
    const sender = defaultSender(settings);
    if (!sender) return null;
    return (await shipmentForOrder(db, order, settings, sender, {})).choice.courier;
  }

  /**
   * Before the reservation (courier I/O stays out of transactions): the courier this order
   * would get and, for a courier with a nomenclature, the recipient's place in it. Skipped
   * when the order already has a live shipment (its details were resolved then) or cannot
   * be shipped (the reservation says why).
   */
  private async resolveDestination(
    accountId: number,
    orderId: number,
    opts: GenerateOptions,
  ): Promise<Resolved | null> {
    const find = this.deps.destinationFor;
    if (!find) return null;
    const db = this.deps.db;
    const order = await findOrder(db, accountId, orderId);
    if (!order || NOT_SHIPPABLE.has(order.status)) return null;
    const latest = await repo.latestShipment(db, accountId, orderId);
    if (latest && (latest.phase === 'made' || latest.phase === 'pending')) return null;
    const settings = await readShippingSettings(db, accountId);
    const sender = defaultSender(settings);
    if (!sender) return null;
    const { unified, choice } = await shipmentForOrder(db, order, settings, sender, opts);
    if (!this.deps.couriers.find(choice.courier)) return null;
    const destination = await find(accountId, orderId, choice.courier, unified.recipient);
    return { courier: choice.courier, destination };
  }

  private async reserve(
    accountId: number,
    orderId: number,
    opts: GenerateOptions,
    actor: Actor,
    resolved: Resolved | null,
  ): Promise<ShipmentRow & { claimed: boolean }> {
    const db = this.deps.db;
    return db.transaction().execute(async (trx) => {
      const order = await findOrder(trx, accountId, orderId);
      if (!order) throw new NotFound('order_not_found', 'This order was not found.');
      const latest = await repo.latestShipment(trx, accountId, orderId);
      if (latest && (latest.phase === 'made' || latest.phase === 'pending'))
        return { ...latest, claimed: false };
      if (NOT_SHIPPABLE.has(order.status))
        throw new Conflict('order_not_shippable', 'This order can no longer be shipped.');
      const settings = await readShippingSettings(trx, accountId);
      const sender = defaultSender(settings);
      if (!sender)
        throw new Invalid(
          'sender_address_missing',
          'Add a sender address in the shipping settings.',
        );
      const { unified, choice } = await shipmentForOrder(trx, order, settings, sender, opts);
      const courier = this.deps.couriers.find(choice.courier);
      if (!courier)
        throw new Invalid('courier_unknown', 'This courier is not available on this server.');
      // Kept in `details`: a retry sends the courier the same place.
      if (resolved?.courier === choice.courier) unified.destination = resolved.destination;
      // Asked for an option the courier does not offer: refused before a row is reserved.
      const caps = courier.capabilities;
      if (
        (unified.saturday && !caps.saturday) ||
        (unified.openPackage && !caps.openPackage) ||
        (unified.locker && !caps.lockers)
      )
        throw new Invalid('option_not_offered', 'This courier does not offer this option.');
      if (
        !unified.locker &&
        (await isLockerService(trx, accountId, choice.courier, choice.service))
      )
        throw new Invalid('locker_required', 'This service delivers to a locker: choose one.');
      const attempt = (latest?.attempt ?? 0) + 1;
      const now = Date.now();
      const id = await repo.reserveShipment(trx, {
        account_id: accountId,
        order_id: orderId,
        store_id: order.store_id,
        courier: choice.courier,
        service: choice.service,
        attempt,
        idempotency_key: `${orderId}-${attempt}`,
        phase: 'pending',
        claim_until: now + repo.CLAIM_MS,
        awb: null,
        status: null,
        // 128 random bits: the public tracking link cannot be guessed from the AWB or the order.
        tracking_token: crypto.randomBytes(16).toString('base64url'),
        tracking_url: null,
        currency: unified.currency,
        cod_minor: unified.codMinor,
        declared_value_minor: unified.declaredValueMinor,
        parcels: unified.parcels,
        weight_grams: unified.weightGrams,
        observations: unified.observations,
        sender: JSON.stringify(unified.sender),
        recipient: JSON.stringify(unified.recipient),
        details: JSON.stringify(detailsOf(unified)),
        reason_code: choice.reason.code,
        reason_params: JSON.stringify(choice.reason.params),
        order_status_before: order.status,
        next_track_at: null,
        created_by: actor.label,
        created_at: now,
        updated_at: now,
      });
      const fresh = id === null ? null : await repo.findShipment(trx, accountId, id);
      if (fresh) return { ...fresh, claimed: true };
      // Another request reserved this attempt first: its row is the answer.
      const theirs = await repo.latestShipment(trx, accountId, orderId);
      if (!theirs) throw new Error('shipment reservation neither inserted nor found');
      return { ...theirs, claimed: false };
    });
  }

  /** Runs with the row claimed; leaves it made, failed, or pending with the reason. */
  private async talkToCourier(row: ShipmentRow, actor: Actor): Promise<void> {
    const db = this.deps.db;
    const courier = this.deps.couriers.find(row.courier);
    if (!courier) {
      await repo.markFailed(db, row.id, [{ code: 'courier_unknown', text: row.courier }]);
      return;
    }
    const ctx = await this.deps.contextOf(row.account_id, row.courier);
    try {
      if (row.courier_calls > 0) {
        // A call went out before and its answer was lost: the AWB may exist already.
        const found = await courier.findByReference(ctx, row.idempotency_key);
        if (found) return void (await this.store(row, found, courier.capabilities.tracking, actor));
      }
      await repo.countCourierCall(db, row.id);
      const r = await courier.createShipment(ctx, {
        reference: row.idempotency_key,
        orderNumber: await this.orderNumber(row),
        service: row.service,
        // Written by reserve() from the same types; a corrupt value fails the courier's checks.
        sender: parseJsonColumn<UnifiedShipment['sender']>(row.sender, EMPTY_ADDRESS),
        recipient: parseJsonColumn<UnifiedShipment['recipient']>(row.recipient, {
          ...EMPTY_ADDRESS,
          email: '',
        }),
        currency: row.currency,
        codMinor: row.cod_minor,
        declaredValueMinor: row.declared_value_minor,
        parcels: row.parcels,
        weightGrams: row.weight_grams,
        observations: row.observations,
        payer: (await readShippingSettings(db, row.account_id)).payer,
        ...parseDetails(row.details),
      });
      if (r.ok) return void (await this.store(row, r, courier.capabilities.tracking, actor));
      if (r.retryable) await repo.releasePending(db, row.id, r.messages);
      else await repo.markFailed(db, row.id, r.messages);
    } catch {
      // Unreachable or timed out: unknown whether the AWB was made; the retry looks it up.
      const m: CourierMessage = { code: 'courier_unreachable', text: '' };
      await repo.releasePending(db, row.id, [m]);
    }
  }

  private async orderNumber(row: ShipmentRow): Promise<string> {
    const o = await findOrder(this.deps.db, row.account_id, row.order_id);
    return o?.number ?? String(row.order_id);
  }

  /** Phase two: the AWB is stored, the order ships, the store is told — one transaction. */
  private async store(
    row: ShipmentRow,
    made: MadeShipment,
    tracked: boolean,
    actor: Actor,
  ): Promise<void> {
    const now = Date.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const trackingUrl = made.trackingUrl ?? this.deps.trackingPage(row.tracking_token);
      const r = await trx
        .updateTable('shipments')
        .set({
          phase: 'made',
          awb: made.awb,
          status: 'created',
          tracking_url: trackingUrl,
          claim_until: null,
          messages: '[]',
          next_track_at: tracked ? now + TRACK_EVERY_MS : null,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .where('phase', '=', 'pending')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return;
      await repo.insertShipmentEvent(trx, {
        accountId: row.account_id,
        shipmentId: row.id,
        status: 'created',
        code: 'AWB',
        text: made.awb,
        actor: actor.label,
        at: now,
      });
      await this.shipOrder(trx, row, actor, now);
      const courier = this.deps.couriers.find(row.courier);
      if (row.store_id !== null)
        await enqueue(trx, {
          kind: 'store.push_shipment',
          accountId: row.account_id,
          storeId: row.store_id,
          payload: {
            order_id: row.order_id,
            courier: courier?.name ?? row.courier,
            awb: made.awb,
            tracking_url: trackingUrl,
          },
        });
    });
  }

  private async shipOrder(trx: Transaction<DB>, row: ShipmentRow, actor: Actor, now: number) {
    const moved = await trx
      .updateTable('orders')
      .set({ status: 'shipped', updated_at: now })
      .where('account_id', '=', row.account_id)
      .where('id', '=', row.order_id)
      .where('status', 'in', BEFORE_SHIPPED)
      .returning(['status', 'packer_id'])
      .executeTakeFirst();
    if (!moved) return;
    await recordAudit(trx, {
      accountId: row.account_id,
      entity: 'order',
      entityId: row.order_id,
      action: 'shipped',
      actor,
      from: row.order_status_before,
      to: 'shipped',
      reason: reason('awb_made', { awb: row.awb ?? '' }),
      at: now,
    });
    await this.deps.events.publish(
      trx,
      compactEvent(row.account_id, [row.order_id], [moved.packer_id]),
    );
  }
}
