import {
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Cursor } from './cursor.js';
import type { OrderListQuery, OrderSort } from './orders.schema.js';
import { searchWords } from './search-text.js';

type ShipmentSubquery = SelectQueryBuilder<
  DB & { o: DB['orders']; sh: DB['shipments'] },
  'o' | 'sh',
  { id: number }
>;

const SORT_COLUMN = { created_at: 'o.created_at', total: 'o.total_minor' } as const;

export function sortKey(sort: OrderSort): { column: 'created_at' | 'total_minor'; desc: boolean } {
  const desc = sort.startsWith('-');
  return { column: sort.endsWith('total') ? 'total_minor' : 'created_at', desc };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Up to this many full-text hits, the matching orders are fetched by id and sorted. */
const SPARSE_HITS = 200;

/**
 * Search texts recently found to match many orders, so that the next pages of the same
 * search (and repeated searches) skip the probe. Only the plan is remembered, never results:
 * a stale entry makes a search slower, not wrong. Orders only accumulate, so "many" rarely
 * turns into "few".
 */
const denseSearches = new Map<string, number>();
const DENSE_TTL_MS = 10 * 60_000;

function rememberDense(match: string, now: number): void {
  if (denseSearches.size >= 1000) denseSearches.delete(denseSearches.keys().next().value as string);
  denseSearches.set(match, now + DENSE_TTL_MS);
}

/**
 * Substring search; every word must match. PostgreSQL: LIKE, served by the pg_trgm GIN index.
 * SQLite: the FTS5 trigram index for words of three or more characters (shorter words fall
 * back to LIKE), with the plan chosen by how many orders match: a few (a phone number, an
 * order number) are fetched by id and sorted; many (a common surname) are found by walking
 * the sort index and testing each order's text with LIKE, which stops after one page. Either
 * way a page costs one or two milliseconds on 200,000 orders (`npm run bench`).
 */
async function searchCondition(db: Kysely<DB>, dialect: Dialect, q: string) {
  const words = searchWords(q);
  const like = (w: string) => sql<SqlBool>`o.search_text LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`;
  if (dialect === 'postgres') return words.map(like);
  const conds = words.filter((w) => [...w].length < 3).map(like);
  const ftsWords = words.filter((w) => [...w].length >= 3);
  if (ftsWords.length === 0) return conds;
  const match = ftsWords.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
  const now = Date.now();
  if ((denseSearches.get(match) ?? 0) > now) return [...conds, ...ftsWords.map(like)];
  const hits = await sql<{
    rowid: number;
  }>`SELECT rowid FROM orders_fts WHERE orders_fts MATCH ${match} LIMIT ${SPARSE_HITS + 1}`.execute(
    db,
  );
  if (hits.rows.length <= SPARSE_HITS) {
    const ids = hits.rows.map((r) => r.rowid);
    conds.push(ids.length ? sql<SqlBool>`o.id IN (${sql.join(ids)})` : sql<SqlBool>`0 = 1`);
  } else {
    rememberDense(match, now);
    conds.push(...ftsWords.map(like));
  }
  return conds;
}

export interface ListedOrderRow {
  id: number;
  number: string;
  status: DB['orders']['status'];
  store_id: number | null;
  store_name: string | null;
  created_at: number;
  customer_name: string;
  customer_phone: string;
  customer_email: string;
  shipping_city: string;
  total_minor: number;
  currency: string;
  payment_method: string;
  payment_method_title: string;
  is_cod: number;
  paid: number;
  items_count: number;
  packer_id: number | null;
  packer_name: string | null;
}

/** One keyset page (limit + 1 rows, so the caller knows whether there is a next page). */
export async function listOrders(
  db: Kysely<DB>,
  dialect: Dialect,
  accountId: number,
  q: OrderListQuery,
  cursor: Cursor | null,
): Promise<ListedOrderRow[]> {
  const { column, desc } = sortKey(q.sort);
  const sortCol = SORT_COLUMN[column === 'total_minor' ? 'total' : 'created_at'];
  let query = db
    .selectFrom('orders as o')
    .leftJoin('packers as p', 'p.id', 'o.packer_id')
    .leftJoin('stores as s', 's.id', 'o.store_id')
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.store_id',
      's.name as store_name',
      'o.created_at',
      'o.customer_name',
      'o.customer_phone',
      'o.customer_email',
      'o.shipping_city',
      'o.total_minor',
      'o.currency',
      'o.payment_method',
      'o.payment_method_title',
      'o.is_cod',
      'o.paid',
      'o.items_count',
      'o.packer_id',
      'p.name as packer_name',
    ])
    .where('o.account_id', '=', accountId);

  if (q.status) query = query.where('o.status', 'in', q.status);
  if (q.store_id !== undefined) query = query.where('o.store_id', '=', q.store_id);
  if (q.packer_id === 'none') query = query.where('o.packer_id', 'is', null);
  else if (q.packer_id !== undefined) query = query.where('o.packer_id', '=', q.packer_id);
  if (q.cod !== undefined) query = query.where('o.is_cod', '=', q.cod ? 1 : 0);
  if (q.payment_method) query = query.where('o.payment_method', '=', q.payment_method);
  if (q.created_from) query = query.where('o.created_at', '>=', Date.parse(q.created_from));
  if (q.created_to) query = query.where('o.created_at', '<', Date.parse(q.created_to));
  // Shipment filters look at the order's current AWB (a made shipment; cancelled ones are
  // history), through the (account_id, order_id) index of shipments.
  type Where = Parameters<typeof query.where>[0];
  const currentAwb =
    (extra: (sh: ShipmentSubquery) => ShipmentSubquery = (sh) => sh, negate = false): Where =>
    (eb: ExpressionBuilder<DB & { o: DB['orders'] }, 'o'>) => {
      const sub = extra(
        eb
          .selectFrom('shipments as sh')
          .select('sh.id')
          .whereRef('sh.order_id', '=', 'o.id')
          .where('sh.account_id', '=', accountId)
          .where('sh.phase', '=', 'made'),
      );
      return negate ? eb.not(eb.exists(sub)) : eb.exists(sub);
    };
  if (q.courier) {
    const courier = q.courier;
    query = query.where(currentAwb((sh) => sh.where('sh.courier', '=', courier)));
  }
  if (q.shipment_status) {
    const statuses = q.shipment_status;
    query = query.where(currentAwb((sh) => sh.where('sh.status', 'in', statuses)));
  }
  if (q.shipping === 'packed_no_awb')
    query = query.where('o.status', '=', 'packed').where(currentAwb(undefined, true));
  if (q.shipping === 'awb_not_handed_over')
    query = query.where(currentAwb((sh) => sh.where('sh.status', '=', 'created')));
  if (q.q) {
    for (const cond of await searchCondition(db, dialect, q.q)) query = query.where(cond);
  }
  if (cursor) {
    const op = desc ? sql`<` : sql`>`;
    query = query.where(
      sql<SqlBool>`(${sql.ref(sortCol)}, o.id) ${op} (${cursor.value}, ${cursor.id})`,
    );
  }
  const dir = desc ? 'desc' : 'asc';
  return query
    .orderBy(sortCol, dir)
    .orderBy('o.id', dir)
    .limit(q.limit + 1)
    .execute();
}
