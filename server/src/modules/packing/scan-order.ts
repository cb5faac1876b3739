import { Conflict, NotFound } from '../../shared/errors.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.repo.js';
import { reason } from '../../shared/reasons.js';
import { compactEvent } from '../events/event-bus.js';
import type { LockDeps } from './order-lock.js';
import { recordPackFacts } from './packing-facts.js';
import * as repo from './packing.repo.js';

type ScanResult =
  | { ok: true; itemId: number; packed: boolean }
  | { ok: false; code: 'scan_wrong_item' | 'scan_too_many'; message: string };

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Scan-to-verify: a scanned SKU or EAN counts one unit of its line. A code that is not in
 * the order, or one more unit than ordered, is recorded as a scan mismatch (committed, with
 * the penalty rule's proposal in the same transaction) and then refused with a clear code. The last unit packs the order.
 */
export async function scanItem(
  deps: LockDeps,
  auth: AuthContext,
  orderId: number,
  code: string,
): Promise<{ itemId: number; packed: boolean }> {
  const accountId = auth.accountId;
  const result = await deps.db.transaction().execute(async (trx): Promise<ScanResult> => {
    const o = await repo.findOrderForUpdate(trx, accountId, orderId);
    if (!o || o.packer_id === null || o.packer_id !== auth.packerId)
      throw new NotFound('order_not_found', 'This order is not in your queue.');
    if (o.status === 'assigned')
      throw new Conflict('not_confirmed', 'Confirm the order before scanning it.');
    if (o.status !== 'confirmed')
      throw new Conflict('not_packable', `Order #${o.number} is ${o.status}.`);
    const now = Date.now();
    const items = await repo.findItems(trx, accountId, orderId);
    const wanted = norm(code);
    const matches = items.filter(
      (i) => (i.sku && norm(i.sku) === wanted) || (i.ean && norm(i.ean) === wanted),
    );
    const mismatch = { accountId, orderId, packerId: o.packer_id, code, at: now };
    if (matches.length === 0) {
      const mismatchId = await repo.recordMismatch(trx, {
        ...mismatch,
        itemId: null,
        kind: 'wrong_item',
      });
      await deps.onMismatch?.(trx, { ...mismatch, mismatchId, kind: 'wrong_item' });
      return {
        ok: false,
        code: 'scan_wrong_item',
        message: `${code} is not in order #${o.number}.`,
      };
    }
    let counted: number | null = null;
    for (const line of matches) {
      if (line.scanned < line.quantity && (await repo.countUp(trx, accountId, line.id))) {
        counted = line.id;
        break;
      }
    }
    if (counted === null) {
      const line = matches[0];
      const mismatchId = await repo.recordMismatch(trx, {
        ...mismatch,
        itemId: line?.id ?? null,
        kind: 'too_many',
      });
      await deps.onMismatch?.(trx, { ...mismatch, mismatchId, kind: 'too_many' });
      return {
        ok: false,
        code: 'scan_too_many',
        message: `All ${line?.quantity ?? 0} of ${line?.name ?? code} are already scanned.`,
      };
    }
    const left = await trx
      .selectFrom('order_items')
      .select('id')
      .where('account_id', '=', accountId)
      .where('order_id', '=', orderId)
      .where((eb) => eb('scanned_quantity', '<', eb.ref('quantity')))
      .executeTakeFirst();
    let packed = false;
    if (!left) {
      const r = await trx
        .updateTable('orders')
        .set({ status: 'packed', updated_at: now })
        .where('account_id', '=', accountId)
        .where('id', '=', orderId)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
      packed = Number(r.numUpdatedRows) === 1;
      if (packed) {
        await recordPackFacts(trx, accountId, orderId, now);
        await recordAudit(trx, {
          accountId,
          entity: 'order',
          entityId: orderId,
          action: 'packed',
          actor: { userId: auth.userId, label: auth.name },
          from: 'confirmed',
          to: 'packed',
          reason: reason('all_items_scanned'),
          at: now,
        });
        await deps.onPacked?.(trx, accountId, orderId);
      }
    }
    await deps.events.publish(trx, compactEvent(accountId, [orderId], [o.packer_id]));
    return { ok: true, itemId: counted, packed };
  });
  if (!result.ok) throw new Conflict(result.code, result.message);
  return { itemId: result.itemId, packed: result.packed };
}
