import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import type { EventBus } from '../events/event-bus.js';
import type { CourierContext } from './couriers/courier.js';
import type { CourierRegistry } from './couriers/registry.js';
import { TRACK_EVERY_MS } from './generate-shipment.js';
import { findShipment } from './shipments.repo.js';
import { applyTrackingEvents, dueForTracking } from './tracking.js';

/** The longest wait between two questions to a courier that keeps failing. */
const MAX_BACKOFF_MS = 12 * 3600_000;

/** The wait after `failures` failed questions in a row: doubling from the normal interval. */
export function trackingDelay(failures: number): number {
  return Math.min(TRACK_EVERY_MS * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS);
}

/**
 * Courier polling. A tick turns every shipment whose `next_track_at` has passed into a
 * `shipment.track` job (one live job per shipment; the job's store makes workers take turns
 * across stores, so one busy shop does not starve the others). A job asks the courier once,
 * records what is new, and sets the next time: the normal interval after an answer, a doubling
 * backoff after failures, none once the shipment is final.
 */
export class ShipmentTracker {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly couriers: CourierRegistry,
    private readonly events: EventBus,
    private readonly contextOf: (accountId: number, courier: string) => Promise<CourierContext>,
  ) {}

  async enqueueDue(now = Date.now()): Promise<number> {
    const due = await dueForTracking(this.db, now, 500);
    for (const s of due)
      await enqueue(this.db, {
        kind: 'shipment.track',
        accountId: s.account_id,
        storeId: s.store_id,
        payload: { shipment_id: s.id },
        dedupeKey: `shipment.track:${s.id}`,
        maxAttempts: 1,
      });
    return due.length;
  }

  async track(shipmentId: number): Promise<void> {
    const head = await this.db
      .selectFrom('shipments')
      .select('account_id')
      .where('id', '=', shipmentId)
      .executeTakeFirst();
    const row = head && (await findShipment(this.db, head.account_id, shipmentId));
    if (!row?.awb || row.phase !== 'made' || row.next_track_at === null) return;
    const courier = this.couriers.find(row.courier);
    if (!courier?.capabilities.tracking) return;
    const awb = row.awb;
    let answer: Awaited<ReturnType<typeof courier.track>> | null;
    try {
      answer = await courier.track(await this.contextOf(row.account_id, row.courier), [awb]);
    } catch {
      answer = null;
    }
    const now = Date.now();
    if (!answer?.ok) {
      await this.db
        .updateTable('shipments')
        .set({
          track_failures: row.track_failures + 1,
          next_track_at: now + trackingDelay(row.track_failures + 1),
          updated_at: now,
        })
        .where('id', '=', row.id)
        .execute();
      return;
    }
    const mine = answer.events.filter((e) => e.awb === awb);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('shipments')
        .set({ track_failures: 0, next_track_at: now + TRACK_EVERY_MS, updated_at: now })
        .where('id', '=', row.id)
        .execute();
      // A final status clears next_track_at again (applyTrackingEvents).
      await applyTrackingEvents(trx, this.events, row, mine, { userId: null, label: courier.name });
    });
  }
}
