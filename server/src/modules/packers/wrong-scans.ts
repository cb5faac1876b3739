import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { NotFound } from '../../shared/errors.js';
import { iso } from '../../shared/json.js';
import { decodeCursor, encodeCursor } from '../orders/cursor.js';
import { findPacker } from './packers.repo.js';
import type { WrongScansOut, WrongScansQuery } from './packers.schema.js';
import { itemsOfOrders, packerWrongScans } from './wrong-scans.repo.js';

const SORT = 'wrong_scans';

/** One page of a packer's wrong scans; another account's packer is not found (404). */
export async function listWrongScans(
  db: Kysely<DB>,
  accountId: number,
  packerId: number,
  query: WrongScansQuery,
): Promise<WrongScansOut> {
  if (!(await findPacker(db, accountId, packerId)))
    throw new NotFound('packer_not_found', `Packer ${packerId} not found.`);
  const from = query.cursor ? decodeCursor(query.cursor, SORT) : null;
  const rows = await packerWrongScans(
    db,
    accountId,
    packerId,
    from && { at: from.value, id: from.id },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const wrongItemOrders = [
    ...new Set(page.filter((r) => r.kind === 'wrong_item').map((r) => r.order_id)),
  ];
  const items = await itemsOfOrders(db, accountId, wrongItemOrders);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      order: { id: r.order_id, number: r.order_number },
      code: r.code,
      kind: r.kind,
      expected:
        r.kind === 'too_many'
          ? r.item_sku !== null || r.item_name !== null
            ? [{ sku: r.item_sku ?? '', name: r.item_name ?? '' }]
            : []
          : (items.get(r.order_id) ?? []),
      created_at: iso(r.created_at),
    })),
    next_cursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: SORT, value: last.created_at, id: last.id })
        : null,
  };
}
