import type { Kysely, Transaction } from 'kysely';
import type { DB, ShipmentRow } from '../../db/schema.js';
import { iso, parseJsonColumn } from '../../shared/json.js';
import { toDecimal } from '../../shared/money.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../shared/errors.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import type { Actor } from '../audit/audit.repo.js';
import type { ShipmentBatches } from './bulk-shipments.js';
import { type RenderSlips, type SlipKind, slipOrders } from './slips.js';
import type { EventBus } from '../events/event-bus.js';
import { findOrder } from '../orders/orders.repo.js';
import type { CourierAccounts } from './courier-accounts.js';
import type { ShipmentStatus } from './couriers/courier.js';
import { OWN_MARKS, type OwnMark } from './couriers/own/mapping.js';
import type { CourierRegistry } from './couriers/registry.js';
import type { ShipmentMaker } from './generate-shipment.js';
import type {
  LabelAddress,
  LabelData,
  LabelFormat,
  RenderedDocument,
} from './labels/label-data.js';
import type { GenerateOptions } from './shipment-input.js';
import * as repo from './shipments.repo.js';
import type { ShipmentOut } from './shipping.schema.js';
import {
  type ShippingSettings,
  readShippingSettings,
  writeShippingSettings,
} from './shipping-settings.js';
import { applyTrackingEvents, moveOrder } from './tracking.js';

type EventRow = Awaited<ReturnType<typeof repo.shipmentEvents>>[number];

/** Called in the transaction that cancels an AWB the shop says a packing error caused. */
export type PackingErrorCancelHook = (
  trx: Transaction<DB>,
  c: {
    accountId: number;
    shipmentId: number;
    orderId: number;
    packerId: number | null;
    awb: string;
    at: number;
  },
) => Promise<unknown>;

/** Shipping's use cases for the routes: settings, AWBs, labels, marks, cancel, public tracking. */
export class ShippingService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly couriers: CourierRegistry,
    private readonly maker: ShipmentMaker,
    private readonly accounts: CourierAccounts,
    private readonly events: EventBus,
    readonly batches: ShipmentBatches,
    private readonly renderSlips: RenderSlips,
  ) {}

  private onPackingErrorCancel: PackingErrorCancelHook | null = null;

  /** Penalties: told, in the cancel's transaction, of an AWB cancelled for a packing error. */
  setPackingErrorHook(hook: PackingErrorCancelHook): void {
    this.onPackingErrorCancel = hook;
  }

  /** A picking list (summed by SKU) or packing slips for a selection of orders. */
  async slips(accountId: number, orderIds: number[], kind: SlipKind): Promise<RenderedDocument> {
    return this.renderSlips(kind, await slipOrders(this.db, accountId, orderIds));
  }

  /**
   * The station's button (setting `on_pack` = button or automatic): a packer makes the AWB of
   * an order of their own once it is packed, and prints its label.
   */
  async stationGenerate(auth: AuthContext, orderId: number): Promise<ShipmentOut> {
    await this.stationOrder(auth, orderId);
    if ((await readShippingSettings(this.db, auth.accountId)).on_pack === 'off')
      throw new Forbidden('role_forbidden', 'AWBs are not made at the station.');
    return this.generate(auth.accountId, orderId, {}, { userId: auth.userId, label: auth.name });
  }

  async stationLabel(auth: AuthContext, orderId: number, format: LabelFormat) {
    await this.stationOrder(auth, orderId);
    const made = (await repo.shipmentsOfOrder(this.db, auth.accountId, orderId)).filter(
      (r) => r.phase === 'made',
    );
    const last = made[made.length - 1];
    if (!last) throw new NotFound('shipment_not_found', 'This order has no AWB yet.');
    return this.labels(auth.accountId, [last.id], format, 'order');
  }

  /** A packer's own packed (or shipped) order, else not found — like the station's other routes. */
  private async stationOrder(auth: AuthContext, orderId: number): Promise<void> {
    const o = await findOrder(this.db, auth.accountId, orderId);
    const mine = auth.role !== 'packer' || (o && o.packer_id === auth.packerId);
    if (!o || !mine || !['packed', 'shipped'].includes(o.status))
      throw new NotFound('order_not_found', 'This order is not in your queue.');
  }

  settings(accountId: number): Promise<ShippingSettings> {
    return readShippingSettings(this.db, accountId);
  }

  async saveSettings(accountId: number, s: ShippingSettings): Promise<ShippingSettings> {
    const keys = [s.default_courier, ...s.rules.map((r) => r.courier)];
    if (keys.some((k) => !this.couriers.find(k)))
      throw new Invalid('courier_unknown', 'This courier is not available on this server.');
    if (s.sender_addresses.filter((a) => a.is_default).length > 1)
      throw new Invalid('sender_default_twice', 'Only one sender address can be the default.');
    if (new Set(s.sender_addresses.map((a) => a.id)).size !== s.sender_addresses.length)
      throw new Invalid('invalid_request', 'Two sender addresses have the same id.');
    await writeShippingSettings(this.db, accountId, s);
    return s;
  }

  courierList() {
    return this.couriers.keys().flatMap((k) => {
      const c = this.couriers.find(k);
      if (!c) return [];
      const { labelFormats, ...caps } = c.capabilities;
      return [
        { key: c.key, name: c.name, capabilities: { ...caps, label_formats: [...labelFormats] } },
      ];
    });
  }

  async courierAccounts(accountId: number) {
    const rows = await this.accounts.list(accountId);
    return { items: rows.map((r) => ({ ...r, created_at: iso(r.created_at) })) };
  }

  async addCourierAccount(
    accountId: number,
    input: { courier: string; name: string; credentials: Record<string, string> },
  ) {
    if (!this.couriers.find(input.courier))
      throw new Invalid('courier_unknown', 'This courier is not available on this server.');
    const id = await this.accounts.add(accountId, input);
    const row = (await this.accounts.list(accountId)).find((r) => r.id === id);
    if (!row)
      throw new NotFound('courier_account_not_found', 'This courier account was not found.');
    return { ...row, created_at: iso(row.created_at) };
  }

  async removeCourierAccount(accountId: number, id: number): Promise<void> {
    if (!(await this.accounts.remove(accountId, id)))
      throw new NotFound('courier_account_not_found', 'This courier account was not found.');
  }

  async generate(accountId: number, orderId: number, opts: GenerateOptions, actor: Actor) {
    const row = await this.maker.generate(accountId, orderId, opts, actor);
    return (await this.present(accountId, [row]))[0] as ShipmentOut;
  }

  async forOrder(accountId: number, orderId: number): Promise<ShipmentOut[]> {
    if (!(await findOrder(this.db, accountId, orderId)))
      throw new NotFound('order_not_found', 'This order was not found.');
    return this.present(accountId, await repo.shipmentsOfOrder(this.db, accountId, orderId));
  }

  async get(accountId: number, id: number): Promise<ShipmentOut> {
    const row = await repo.findShipment(this.db, accountId, id);
    if (!row) throw new NotFound('shipment_not_found', 'This shipment was not found.');
    return (await this.present(accountId, [row]))[0] as ShipmentOut;
  }

  /** The shop marks an own-courier shipment (handed over, delivered, returned, …). */
  async mark(accountId: number, id: number, status: OwnMark, actor: Actor): Promise<ShipmentOut> {
    const row = await repo.findShipment(this.db, accountId, id);
    if (!row) throw new NotFound('shipment_not_found', 'This shipment was not found.');
    const courier = this.couriers.find(row.courier);
    // A courier with its own tracking is the truth for its shipments; only the own courier's are marked.
    if (!courier || courier.capabilities.tracking)
      throw new Conflict('shipment_not_markable', "This courier's shipments update themselves.");
    if (row.phase !== 'made') throw new Conflict('shipment_not_made', 'This shipment has no AWB.');
    const mark = OWN_MARKS[status];
    await this.db
      .transaction()
      .execute((trx) =>
        applyTrackingEvents(
          trx,
          this.events,
          row,
          [{ status, code: mark.code, text: mark.text, at: Date.now() }],
          actor,
        ),
      );
    return this.get(accountId, id);
  }

  /** Cancels the AWB where the courier allows it; the order can then get a new one. */
  async cancel(
    accountId: number,
    id: number,
    actor: Actor,
    packingError = false,
  ): Promise<ShipmentOut> {
    const row = await repo.findShipment(this.db, accountId, id);
    if (!row) throw new NotFound('shipment_not_found', 'This shipment was not found.');
    const courier = this.couriers.find(row.courier);
    if (row.phase !== 'made' || !row.awb)
      throw new Conflict('shipment_not_made', 'This shipment has no AWB.');
    if (!courier?.capabilities.cancel || row.status !== 'created')
      throw new Conflict('shipment_not_cancellable', 'This AWB can no longer be cancelled.');
    const r = await courier.cancel(await this.accounts.contextOf(accountId, row.courier), row.awb);
    if (!r.ok) {
      await this.db
        .updateTable('shipments')
        .set({ messages: JSON.stringify(r.messages), updated_at: Date.now() })
        .where('id', '=', row.id)
        .execute();
      throw new Conflict('courier_refused', 'The courier refused to cancel this AWB.');
    }
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('shipments')
        .set({ phase: 'cancelled', status: 'cancelled', next_track_at: null, updated_at: now })
        .where('id', '=', row.id)
        .where('phase', '=', 'made')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return;
      await repo.insertShipmentEvent(trx, {
        accountId,
        shipmentId: row.id,
        status: 'cancelled',
        code: 'CANCELLED',
        text: '',
        actor: actor.label,
        at: now,
      });
      // The order goes back to where it was before this AWB, ready for a new one.
      await moveOrder(
        trx,
        this.events,
        row,
        'shipped',
        row.order_status_before === 'shipped' ? 'packed' : row.order_status_before,
        actor,
        now,
      );
      if (packingError && this.onPackingErrorCancel) {
        const order = await trx
          .selectFrom('orders')
          .select('packer_id')
          .where('account_id', '=', accountId)
          .where('id', '=', row.order_id)
          .executeTakeFirst();
        await this.onPackingErrorCancel(trx, {
          accountId,
          shipmentId: row.id,
          orderId: row.order_id,
          packerId: order?.packer_id ?? null,
          awb: row.awb ?? '',
          at: now,
        });
      }
    });
    return this.get(accountId, id);
  }

  /** The public page's answer: status and history, none of the recipient's personal data. */
  async publicTracking(token: string) {
    const row = await this.db
      .selectFrom('shipments')
      .selectAll()
      .where('tracking_token', '=', token)
      .where('phase', 'in', ['made', 'cancelled'])
      .executeTakeFirst();
    if (!row?.awb || !row.status)
      throw new NotFound('shipment_not_found', 'This shipment was not found.');
    const events = await repo.shipmentEvents(this.db, row.account_id, [row.id]);
    return {
      awb: row.awb,
      courier_name: this.couriers.find(row.courier)?.name ?? row.courier,
      status: row.status as ShipmentStatus,
      city: parseJsonColumn<{ city?: string }>(row.recipient, {}).city ?? '',
      events: events.map((e) => ({ status: e.status as ShipmentStatus, at: iso(e.occurred_at) })),
    };
  }

  /** One document of labels for made shipments of one courier, in the order asked for. */
  async labels(
    accountId: number,
    ids: number[],
    format: LabelFormat,
    sort: 'packer' | 'courier' | 'order',
  ): Promise<RenderedDocument> {
    const rows = (await repo.findShipments(this.db, accountId, [...new Set(ids)])).filter(
      (r) => r.phase === 'made' && r.awb,
    );
    if (!rows.length)
      throw new NotFound('shipment_not_found', 'No shipment with an AWB was found.');
    const couriers = new Set(rows.map((r) => r.courier));
    if (couriers.size > 1)
      throw new Invalid('labels_mixed_couriers', 'Print the labels of one courier at a time.');
    const courier = this.couriers.find(rows[0]?.courier ?? '');
    if (!courier)
      throw new Invalid('courier_unknown', 'This courier is not available on this server.');
    if (!courier.capabilities.labelFormats.includes(format))
      throw new Invalid('label_format_unsupported', 'This courier does not print this format.');
    const orders = await this.db
      .selectFrom('orders as o')
      .leftJoin('stores as s', 's.id', 'o.store_id')
      .leftJoin('packers as p', 'p.id', 'o.packer_id')
      .select(['o.id', 'o.number', 's.name as store_name', 'p.name as packer_name', 'o.created_at'])
      .where('o.account_id', '=', accountId)
      .where(
        'o.id',
        'in',
        rows.map((r) => r.order_id),
      )
      .execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    const key = (r: ShipmentRow) => {
      const o = byId.get(r.order_id);
      if (sort === 'packer') return `${o?.packer_name ?? '\uffff'}\u0000${o?.number ?? ''}`;
      if (sort === 'courier') return `${r.courier}\u0000${r.service}\u0000${o?.number ?? ''}`;
      return `${String(o?.created_at ?? 0).padStart(15, '0')}\u0000${o?.number ?? ''}`;
    };
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
    const labels: LabelData[] = rows.map((r) => {
      const o = byId.get(r.order_id);
      return {
        awb: r.awb ?? '',
        courierName: courier.name,
        service: r.service,
        sender: parseJsonColumn<LabelAddress>(r.sender, {} as LabelAddress),
        recipient: parseJsonColumn<LabelAddress>(r.recipient, {} as LabelAddress),
        orderNumber: o?.number ?? String(r.order_id),
        storeName: o?.store_name ?? '',
        codAmount: r.cod_minor === null ? null : toDecimal(r.cod_minor),
        currency: r.currency,
        weightKg: (r.weight_grams / 1000).toFixed(2),
        parcels: r.parcels,
        trackingUrl: r.tracking_url ?? '',
        observations: r.observations || null,
        createdAt: iso(r.created_at),
      };
    });
    const ctx = await this.accounts.contextOf(accountId, courier.key);
    const r = await courier.label(ctx, labels, format);
    if (!r.ok) throw new Conflict('courier_refused', 'The courier refused to give the labels.');
    return r.document;
  }

  private async present(accountId: number, rows: ShipmentRow[]): Promise<ShipmentOut[]> {
    const events = await repo.shipmentEvents(
      this.db,
      accountId,
      rows.map((r) => r.id),
    );
    const of = new Map<number, EventRow[]>();
    for (const e of events) of.set(e.shipment_id, [...(of.get(e.shipment_id) ?? []), e]);
    return rows.map((r) => ({
      id: r.id,
      order_id: r.order_id,
      courier: r.courier,
      courier_name: this.couriers.find(r.courier)?.name ?? r.courier,
      service: r.service,
      attempt: r.attempt,
      state: r.phase,
      awb: r.awb,
      status: r.status as ShipmentStatus | null,
      tracking_url: r.tracking_url,
      currency: r.currency,
      cod: r.cod_minor === null ? null : toDecimal(r.cod_minor),
      declared_value: toDecimal(r.declared_value_minor),
      parcels: r.parcels,
      weight_kg: (r.weight_grams / 1000).toFixed(3),
      reason: {
        code: r.reason_code,
        params: parseJsonColumn<Record<string, string | number>>(r.reason_params, {}),
      },
      messages: parseJsonColumn<{ code: string; text: string }[]>(r.messages, []),
      events: (of.get(r.id) ?? []).map((e) => ({
        status: e.status as ShipmentStatus,
        code: e.courier_code,
        text: e.courier_text,
        at: iso(e.occurred_at),
      })),
      created_at: iso(r.created_at),
    }));
  }
}
