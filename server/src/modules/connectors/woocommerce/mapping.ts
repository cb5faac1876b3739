import type { AssignmentPush, OrdersCursor, OrdersPage, ShipmentPush } from '../connector.js';
import type { z } from 'zod';
import { type OrdersPageSchema, isoSecond } from '../unified-order.js';

/**
 * Pure mapping between ecomdir and the ecomdir Connect plugin. The plugin already speaks the
 * unified order; what is left is the cursor and the write-back bodies.
 */

export function ordersQuery(cursor: OrdersCursor, limit: number): Record<string, string | number> {
  return {
    modified_after: isoSecond(cursor.modifiedAt),
    after_id: Number(cursor.afterId) || 0,
    limit,
  };
}

export function toOrdersPage(page: z.infer<typeof OrdersPageSchema>): OrdersPage {
  const c = page.next_cursor;
  return {
    orders: page.orders,
    next: c ? { modifiedAt: Date.parse(c.modified_after), afterId: String(c.after_id) } : null,
  };
}

export function packerBody(a: AssignmentPush) {
  return {
    packer_id: a.packerId,
    packer_name: a.packerName,
    assigned_at: isoSecond(a.assignedAt),
    confirmed_at: a.confirmedAt === null ? null : isoSecond(a.confirmedAt),
    override: a.override,
  };
}

export function shipmentBody(s: ShipmentPush) {
  return { courier: s.courier, awb: s.awb, tracking_url: s.trackingUrl, label_url: s.labelUrl };
}
