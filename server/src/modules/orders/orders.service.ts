import { z } from 'zod';
import { changeStampOf } from '../../db/change-stamp.js';
import type { Database } from '../../db/database.js';
import { StampedCache } from '../../db/stamped-cache.js';
import { NotFound } from '../../shared/errors.js';
import { type Actor, listAudit } from '../audit/audit.repo.js';
import { type AssignResult, assignOrders } from './assign-orders.js';
import { createManualOrder, type OrderSavedHook } from './create-manual-order.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { listOrders, sortKey } from './orders.list.repo.js';
import { toDetail, toSummary } from './orders.mapping.js';
import * as repo from './orders.repo.js';
import {
  type OrderCreate,
  type OrderDetailOut,
  OrderListOut,
  type OrderListQuery,
  type OrderSummaryOut,
} from './orders.schema.js';

export class OrdersService {
  private readonly stamp: () => string | null;
  private readonly listPages: StampedCache;

  constructor(
    private readonly database: Database,
    private readonly options: { onOrderSaved?: OrderSavedHook; listCacheEntries?: number } = {},
  ) {
    this.stamp = changeStampOf(database);
    this.listPages = new StampedCache(options.listCacheEntries ?? 256);
  }

  /**
   * A list page as the JSON the client gets. The same page asked again before anything is
   * written to the database (dashboards refetch on every live event, managers look at the
   * same pages) is answered from memory; any write makes every kept page miss.
   */
  async listJson(accountId: number, q: OrderListQuery): Promise<string> {
    const stamp = this.stamp();
    const key = `${accountId}\n${JSON.stringify(q)}`;
    const kept = stamp === null ? undefined : this.listPages.get(key, stamp);
    if (kept !== undefined) return kept;
    const json = JSON.stringify(z.encode(OrderListOut, await this.list(accountId, q)));
    if (stamp !== null) this.listPages.set(key, stamp, json);
    return json;
  }

  async list(
    accountId: number,
    q: OrderListQuery,
  ): Promise<{ items: OrderSummaryOut[]; next_cursor: string | null }> {
    const cursor = q.cursor ? decodeCursor(q.cursor, q.sort) : null;
    const rows = await listOrders(this.database.db, this.database.dialect, accountId, q, cursor);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const { column } = sortKey(q.sort);
    const next_cursor =
      rows.length > q.limit && last
        ? encodeCursor({
            sort: q.sort,
            value: column === 'total_minor' ? last.total_minor : last.created_at,
            id: last.id,
          })
        : null;
    return { items: page.map(toSummary), next_cursor };
  }

  async get(accountId: number, id: number): Promise<OrderDetailOut> {
    const db = this.database.db;
    const order = await repo.findOrder(db, accountId, id);
    if (!order) throw new NotFound('order_not_found', 'This order was not found.');
    const [items, addresses, assignments, audit, scans, shipments] = await Promise.all([
      repo.findOrderItems(db, accountId, id),
      repo.findOrderAddresses(db, accountId, id),
      repo.findAssignments(db, accountId, id),
      listAudit(db, accountId, 'order', id),
      repo.findWrongScans(db, accountId, id),
      repo.findShipmentSummaries(db, accountId, id),
    ]);
    return {
      ...toDetail(order, items, addresses, assignments, audit),
      shipments: shipments.map((s) => ({
        id: s.id,
        courier: s.courier,
        awb: s.awb,
        state: s.phase,
        status: s.status,
        tracking_url: s.tracking_url,
        created_at: new Date(Number(s.created_at)).toISOString(),
      })),
      wrong_scans: scans.map((s) => ({
        id: s.id,
        code: s.code,
        kind: s.kind,
        packer: s.packer_name,
        created_at: new Date(Number(s.created_at)).toISOString(),
      })),
    };
  }

  async create(accountId: number, input: OrderCreate, actor: Actor): Promise<OrderDetailOut> {
    const id = await createManualOrder(
      this.database.db,
      accountId,
      input,
      actor,
      this.options.onOrderSaved,
    );
    return this.get(accountId, id);
  }

  async bulkAssign(
    accountId: number,
    orderIds: number[],
    packerId: number | null,
    reason: string,
    actor: Actor,
  ): Promise<AssignResult> {
    return assignOrders(this.database.db, accountId, orderIds, packerId, reason, actor);
  }
}
