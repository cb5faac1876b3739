import { type Kysely, type SqlBool, type ExpressionBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Cursor } from './cursor.js';
import type { OrderListQuery, OrderSort } from './orders.schema.js';
import { searchWords } from './search-text.js';

type OrdersEb = ExpressionBuilder<DB & { o: DB['orders'] }, 'o'>;

const SORT_COLUMN = { created_at: 'o.created_at', total: 'o.total_minor' } as const;

export function sortKey(sort: OrderSort): { column: 'created_at' | 'total_minor'; desc: boolean } {
  const desc = sort.startsWith('-');
  return { column: sort.endsWith('total') ? 'total_minor' : 'created_at', desc };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Substring search, every word must match. SQLite asks its FTS5 trigram index (words of
 * three or more characters; shorter ones fall back to LIKE); PostgreSQL's LIKE is served by
 * the pg_trgm GIN index.
 */
function searchCondition(eb: OrdersEb, dialect: Dialect, q: string) {
  const words = searchWords(q);
  const conds = words.map((w) => {
    const like = sql<SqlBool>`o.search_text LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`;
    if (dialect === 'postgres' || [...w].length < 3) return like;
    const phrase = `"${w.replaceAll('"', '""')}"`;
    return sql<SqlBool>`o.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ${phrase})`;
  });
  return eb.and(conds);
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
  if (q.q && searchWords(q.q).length > 0) {
    const text = q.q;
    query = query.where((eb) => searchCondition(eb, dialect, text));
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
