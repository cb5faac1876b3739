import { EventEmitter } from 'node:events';
import { type Kysely, type Transaction, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * A live update for dashboards and stations. Small on purpose (PostgreSQL NOTIFY payloads
 * are limited to 8000 bytes): clients refetch what they show. `order_ids` null means "many
 * orders changed, refetch the list".
 */
export interface LiveEvent {
  /** shipments.batch: a bulk AWB generation moved on (`batch` says how far). */
  type: 'orders.changed' | 'shipments.batch' | 'penalties.changed';
  account_id: number;
  order_ids: number[] | null;
  /** Packers whose queue changed; a station only hears about its own packer. */
  packer_ids: number[];
  batch?: { id: number; total: number; done: number; made: number; failed: number };
  /** penalties.changed: the penalties to refetch. */
  ids?: number[];
}

export type Listener = (e: LiveEvent) => void;

/** How many ids one event names before it says "many" instead. */
const MAX_IDS = 100;

/**
 * Publishes within the transaction that makes the change. On PostgreSQL this is NOTIFY,
 * which the database delivers to every listening process when (and only if) the
 * transaction commits — so several ecomdir processes on one database see each other's
 * changes. On SQLite (one process) listeners are called in-process right after.
 */
export interface EventBus {
  publish(db: Db, event: LiveEvent): Promise<void>;
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'ecomdir_events';

export function compactEvent(
  accountId: number,
  orderIds: number[],
  packerIds: (number | null)[],
): LiveEvent {
  const packers = [...new Set(packerIds.filter((p): p is number => p !== null))];
  return {
    type: 'orders.changed',
    account_id: accountId,
    order_ids: orderIds.length > MAX_IDS ? null : orderIds,
    packer_ids: packers.length > MAX_IDS ? [] : packers,
  };
}

export async function createEventBus(
  database: Database,
  postgresUrl: string | null,
): Promise<EventBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const deliver = (e: LiveEvent) => emitter.emit('event', e);
  const subscribe = (l: Listener) => {
    emitter.on('event', l);
    return () => void emitter.off('event', l);
  };

  if (database.dialect === 'postgres' && postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        deliver(JSON.parse(msg.payload) as LiveEvent);
      } catch {
        // A malformed payload is not ours to act on.
      }
    });
    // A dropped listener connection only stops live updates; the API keeps working.
    client.on('error', () => undefined);
    await client.query(`LISTEN ${CHANNEL}`);
    return {
      async publish(db, event) {
        await sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(db);
      },
      subscribe,
      async close() {
        emitter.removeAllListeners();
        await client.end().catch(() => undefined);
      },
    };
  }

  return {
    publish(_db, event) {
      // After the current transaction has had its chance to commit (SQLite runs one
      // transaction at a time in this process, so a refetch sees the change).
      setImmediate(() => deliver(event));
      return Promise.resolve();
    },
    subscribe,
    close() {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}
