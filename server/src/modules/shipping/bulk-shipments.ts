import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { AppError, NotFound } from '../../shared/errors.js';
import { iso, parseJsonColumn } from '../../shared/json.js';
import type { Actor } from '../audit/audit.repo.js';
import type { EventBus } from '../events/event-bus.js';
import type { ShipmentMaker } from './generate-shipment.js';
import type { GenerateOptions } from './shipment-input.js';
import { readShippingSettings } from './shipping-settings.js';
import { AddressUnmatched } from './nomenclature/nomenclature.service.js';

/**
 * Bulk AWBs: one durable `shipment.generate` job per order, each recording its result on the
 * batch item and moving the batch's counters in the same transaction, with a live
 * `shipments.batch` event for the progress bar. A job that runs twice finds its item done
 * and does nothing; the AWB itself is safe anyway (ShipmentMaker is idempotent per order).
 */
export class ShipmentBatches {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly maker: ShipmentMaker,
    private readonly events: EventBus,
  ) {}

  async start(
    accountId: number,
    orderIds: number[],
    opts: GenerateOptions,
    actor: Actor,
  ): Promise<{ batch_id: number; total: number }> {
    const ids = [...new Set(orderIds)];
    const orders = await this.db
      .selectFrom('orders')
      .select(['id', 'store_id'])
      .where('account_id', '=', accountId)
      .where('id', 'in', ids)
      .execute();
    // Another account's id (or none at all) is not found: the whole request is refused.
    if (orders.length !== ids.length)
      throw new NotFound('order_not_found', 'Some of these orders were not found.');
    const now = Date.now();
    return this.db.transaction().execute(async (trx) => {
      const batch = await trx
        .insertInto('shipment_batches')
        .values({
          account_id: accountId,
          total: ids.length,
          options: JSON.stringify(opts),
          created_by: actor.label,
          created_at: now,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('shipment_batch_items')
        .values(
          ids.map((order_id) => ({
            account_id: accountId,
            batch_id: batch.id,
            order_id,
            shipment_id: null,
            result: 'queued' as const,
            message_code: null,
            message_text: null,
            done_at: null,
          })),
        )
        .execute();
      for (const o of orders)
        await enqueue(trx, {
          kind: 'shipment.generate',
          accountId,
          storeId: o.store_id,
          payload: { order_id: o.id, batch_id: batch.id },
        });
      return { batch_id: batch.id, total: ids.length };
    });
  }

  /** The job: one order of a batch, or an order just packed (batch_id null). */
  async run(p: { order_id: number; batch_id: number | null }): Promise<void> {
    if (p.batch_id === null) return this.atPacking(p.order_id);
    const item = await this.db
      .selectFrom('shipment_batch_items as i')
      .innerJoin('shipment_batches as b', 'b.id', 'i.batch_id')
      .select(['i.id', 'i.account_id', 'i.result', 'b.options', 'b.created_by'])
      .where('i.batch_id', '=', p.batch_id)
      .where('i.order_id', '=', p.order_id)
      .executeTakeFirst();
    if (!item || item.result !== 'queued') return;
    const opts = parseJsonColumn<GenerateOptions>(item.options, {});
    const actor = { userId: null, label: item.created_by };
    let outcome: { made: boolean; shipmentId: number | null; code: string | null; text: string };
    try {
      const s = await this.maker.generate(item.account_id, p.order_id, opts, actor);
      const m = parseJsonColumn<{ code: string; text: string }[]>(s.messages, [])[0];
      outcome =
        s.phase === 'made'
          ? { made: true, shipmentId: s.id, code: null, text: '' }
          : {
              made: false,
              shipmentId: s.id,
              code: m?.code ?? (s.phase === 'pending' ? 'shipment_pending' : 'courier_refused'),
              text: m?.text ?? '',
            };
    } catch (err) {
      // ecomdir's own refusals (no sender address, order cancelled, …) are this order's result.
      if (!(err instanceof AppError)) throw err;
      // An unmatched address names its candidates, so the batch report says what to choose.
      const text =
        err instanceof AddressUnmatched
          ? err.details.match.candidates.map((c) => `${c.name} (${c.countyName})`).join(', ')
          : '';
      outcome = { made: false, shipmentId: null, code: err.code, text };
    }
    await this.db.transaction().execute((trx) => this.record(trx, item, p, outcome));
  }

  private async record(
    trx: Transaction<DB>,
    item: { id: number; account_id: number },
    p: { order_id: number; batch_id: number | null },
    o: { made: boolean; shipmentId: number | null; code: string | null; text: string },
  ): Promise<void> {
    const now = Date.now();
    const r = await trx
      .updateTable('shipment_batch_items')
      .set({
        result: o.made ? 'made' : 'failed',
        shipment_id: o.shipmentId,
        message_code: o.code,
        message_text: o.text.slice(0, 500),
        done_at: now,
      })
      .where('id', '=', item.id)
      .where('result', '=', 'queued')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1 || p.batch_id === null) return;
    const b = await trx
      .updateTable('shipment_batches')
      .set((eb) => ({
        done: eb('done', '+', 1),
        made: eb('made', '+', o.made ? 1 : 0),
        failed: eb('failed', '+', o.made ? 0 : 1),
      }))
      .where('id', '=', p.batch_id)
      .returning(['id', 'total', 'done', 'made', 'failed'])
      .executeTakeFirstOrThrow();
    if (b.done === b.total)
      await trx
        .updateTable('shipment_batches')
        .set({ finished_at: now })
        .where('id', '=', b.id)
        .execute();
    await this.events.publish(trx, {
      type: 'shipments.batch',
      account_id: item.account_id,
      order_ids: [p.order_id],
      packer_ids: [],
      batch: b,
    });
  }

  private async atPacking(orderId: number): Promise<void> {
    const o = await this.db
      .selectFrom('orders')
      .select('account_id')
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!o) return;
    try {
      await this.maker.generate(o.account_id, orderId, {}, { userId: null, label: 'packing' });
    } catch (err) {
      // No sender address, order cancelled meanwhile: nothing to make; the order page offers
      // the button and shows the reason when a person tries.
      if (!(err instanceof AppError)) throw err;
    }
  }

  /** Called in the transaction that packs an order: queues its AWB when the setting says so. */
  onPacked = async (trx: Transaction<DB>, accountId: number, orderId: number): Promise<void> => {
    if ((await readShippingSettings(trx, accountId)).on_pack !== 'automatic') return;
    await enqueue(trx, {
      kind: 'shipment.generate',
      accountId,
      payload: { order_id: orderId, batch_id: null },
      dedupeKey: `shipment.generate:${orderId}`,
    });
  };

  async get(accountId: number, batchId: number) {
    const b = await this.db
      .selectFrom('shipment_batches')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (!b) throw new NotFound('shipment_batch_not_found', 'This bulk generation was not found.');
    const items = await this.db
      .selectFrom('shipment_batch_items as i')
      .innerJoin('orders as o', 'o.id', 'i.order_id')
      .leftJoin('shipments as s', 's.id', 'i.shipment_id')
      .select([
        'i.order_id',
        'o.number',
        'i.result',
        'i.shipment_id',
        's.awb',
        'i.message_code',
        'i.message_text',
      ])
      .where('i.account_id', '=', accountId)
      .where('i.batch_id', '=', batchId)
      .orderBy('i.id')
      .execute();
    return {
      id: b.id,
      total: b.total,
      done: b.done,
      made: b.made,
      failed: b.failed,
      created_at: iso(b.created_at),
      finished_at: b.finished_at === null ? null : iso(b.finished_at),
      items: items.map((i) => ({
        order_id: i.order_id,
        order_number: i.number,
        result: i.result,
        shipment_id: i.shipment_id,
        awb: i.result === 'made' ? i.awb : null,
        message: i.message_code ? { code: i.message_code, text: i.message_text ?? '' } : null,
      })),
    };
  }
}
