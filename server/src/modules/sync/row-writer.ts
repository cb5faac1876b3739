import type SQLite from 'better-sqlite3';
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { insertMany } from '../../db/insert-many.js';

type Table = 'orders' | 'order_items' | 'order_addresses' | 'audit_events';

/**
 * How the sync writes its many new rows. Multi-row INSERTs through Kysely on PostgreSQL;
 * on SQLite, one cached prepared statement per table run row by row, which is several
 * times faster there than compiling and preparing a large multi-row statement per page
 * (measured by bench/sync.bench.ts). Both run inside the caller's transaction: the SQLite
 * handle is the same single connection the Kysely transaction holds.
 */
export interface RowWriter {
  insert<T extends Table>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void>;
  /** New orders; returns their ids with their external ids. */
  insertOrders(
    trx: Transaction<DB>,
    rows: Insertable<DB['orders']>[],
  ): Promise<{ id: number; external_id: string | null }[]>;
}

/** Rows per statement: under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 250;

export const kyselyWriter: RowWriter = {
  insert: (trx, table, rows) => insertMany(trx, 'postgres', table, rows),
  async insertOrders(trx, rows) {
    const out: { id: number; external_id: string | null }[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      out.push(
        ...(await trx
          .insertInto('orders')
          .values(rows.slice(i, i + CHUNK))
          .returning(['id', 'external_id'])
          .execute()),
      );
    }
    return out;
  },
};

export function sqliteWriter(sqlite: SQLite.Database): RowWriter {
  const statements = new Map<string, SQLite.Statement>();
  // Column names come from this code's own row objects, never from input.
  const statementFor = (table: Table, columns: string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let st = statements.get(key);
    if (!st) {
      st = sqlite.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      statements.set(key, st);
    }
    return st;
  };
  let indexBatch: SQLite.Statement | null = null;
  // The columns are those of the first row; a row of another shape (rare) gets its own
  // statement. Comparing a row's keys with for-in allocates nothing; Object.keys would.
  const run = (table: Table, rows: readonly object[]) => {
    const ids: number[] = [];
    const first = rows[0];
    if (!first) return ids;
    const columns = Object.keys(first);
    const statement = statementFor(table, columns);
    for (const row of rows as readonly Record<string, unknown>[]) {
      const result = hasColumns(row, columns)
        ? statement.run(columns.map((c) => row[c]))
        : statementFor(table, Object.keys(row)).run(Object.values(row));
      ids.push(Number(result.lastInsertRowid));
    }
    return ids;
  };
  return {
    insert(_trx, table, rows) {
      run(table, rows);
      return Promise.resolve();
    },
    insertOrders(_trx, rows) {
      const ids = run('orders', rows);
      // The whole batch into the search index in one statement (see orders/search-index.ts).
      indexBatch ??= sqlite.prepare(
        `INSERT INTO orders_fts(rowid, search_text) SELECT id, search_text FROM orders WHERE id IN (SELECT value FROM json_each(?))`,
      );
      indexBatch.run(JSON.stringify(ids));
      return Promise.resolve(
        ids.map((id, i) => ({ id, external_id: rows[i]?.external_id ?? null })),
      );
    },
  };
}

/** Whether the row's own keys are exactly `columns`, in order. */
function hasColumns(row: object, columns: readonly string[]): boolean {
  let k = 0;
  for (const key in row) if (key !== columns[k++]) return false;
  return k === columns.length;
}

export function rowWriterFor(database: Database): RowWriter {
  return database.sqlite ? sqliteWriter(database.sqlite) : kyselyWriter;
}
