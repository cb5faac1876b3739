import type { Database } from '../../db/database.js';
import { Forbidden, NotFound } from '../../shared/errors.js';
import { isoOrNull } from '../../shared/json.js';
import { toDecimal } from '../../shared/money.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import type { Actor } from '../audit/audit.repo.js';
import type { EventBus } from '../events/event-bus.js';
import { confirmOrder, type LockDeps, reassignOrder } from './order-lock.js';
import * as repo from './packing.repo.js';
import type {
  LockOut,
  QueueOut,
  ReassignBody,
  ScanOut,
  StationOrderOut,
} from './packing.schema.js';
import { scanItem } from './scan-order.js';

export class PackingService {
  private readonly deps: LockDeps;

  constructor(
    database: Database,
    events: EventBus,
    onPacked?: LockDeps['onPacked'],
    onMismatch?: LockDeps['onMismatch'],
  ) {
    this.deps = {
      db: database.db,
      events,
      ...(onPacked && { onPacked }),
      ...(onMismatch && { onMismatch }),
    };
  }

  async confirm(auth: AuthContext, orderId: number, actor: Actor): Promise<LockOut> {
    await confirmOrder(this.deps, auth, orderId, actor);
    return this.lockState(auth.accountId, orderId);
  }

  async reassign(
    auth: AuthContext,
    orderId: number,
    body: ReassignBody,
    actor: Actor,
  ): Promise<LockOut> {
    await reassignOrder(this.deps, auth, orderId, body, actor);
    return this.lockState(auth.accountId, orderId);
  }

  async queue(auth: AuthContext): Promise<QueueOut> {
    const rows = await repo.stationQueue(this.deps.db, auth.accountId, packerOf(auth));
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status,
        customer_name: r.customer_name,
        shipping_city: r.shipping_city,
        items_count: r.items_count,
        total: toDecimal(r.total_minor),
        currency: r.currency,
        is_cod: r.is_cod === 1,
        customer_note: r.customer_note,
        assigned_at: isoOrNull(r.assigned_at),
        confirmed_at: isoOrNull(r.confirmed_at),
      })),
    };
  }

  async stationOrder(auth: AuthContext, orderId: number): Promise<StationOrderOut> {
    const db = this.deps.db;
    const o = await db
      .selectFrom('orders')
      .select([
        'id',
        'number',
        'status',
        'customer_name',
        'shipping_city',
        'customer_note',
        'packer_id',
      ])
      .where('account_id', '=', auth.accountId)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!o || o.packer_id === null || o.packer_id !== auth.packerId)
      throw new NotFound('order_not_found', 'This order is not in your queue.');
    const items = await repo.findItems(db, auth.accountId, orderId);
    return {
      id: o.id,
      number: o.number,
      status: o.status,
      customer_name: o.customer_name,
      shipping_city: o.shipping_city,
      customer_note: o.customer_note,
      items,
      units_total: items.reduce((s, i) => s + i.quantity, 0),
      units_scanned: items.reduce((s, i) => s + i.scanned, 0),
    };
  }

  async scan(auth: AuthContext, orderId: number, code: string): Promise<ScanOut> {
    const r = await scanItem(this.deps, auth, orderId, code);
    return {
      result: 'ok',
      item_id: r.itemId,
      packed: r.packed,
      order: await this.stationOrder(auth, orderId),
    };
  }

  private async lockState(accountId: number, orderId: number): Promise<LockOut> {
    const o = await repo.findOrderForUpdate(this.deps.db, accountId, orderId);
    if (!o) throw new NotFound('order_not_found', 'This order was not found.');
    return {
      id: o.id,
      status: o.status,
      packer: o.packer_id === null ? null : { id: o.packer_id, name: o.packer_name ?? '' },
      confirmed_at: isoOrNull(o.confirmed_at),
    };
  }
}

function packerOf(auth: AuthContext): number {
  if (auth.packerId === null) throw new Forbidden('not_a_packer', 'The station is for packers.');
  return auth.packerId;
}
