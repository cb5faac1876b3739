import type { UnifiedOrder } from '../connectors/unified-order.js';
import {
  type OrdersCursor,
  type OrdersPage,
  type Outcome,
  type StoreMessage,
  StoreUnreachable,
} from '../connectors/connector.js';

/** Pages fetched and not yet stored, as one run of orders and the cursor after the last. */
export interface Batch {
  orders: UnifiedOrder[];
  pages: number;
  /**
   * The cursor after the batch's last page, stored with its orders in their transaction
   * (with no page, the cursor after everything handed over before).
   */
  after: OrdersCursor;
  /** The feed ended after this batch (nothing newer for now). */
  done: boolean;
  /** Why the feed stopped after this batch (its pages are still good to store). */
  error?: StoreMessage;
}

type Fetched =
  | { orders: UnifiedOrder[]; after: OrdersCursor; done: boolean }
  | { error: StoreMessage }
  | { thrown: unknown };

/**
 * The store's order feed, fetched ahead of the writer (at most `aheadPages` pages waiting).
 * Pages follow one another's cursor, so they are fetched one at a time. `take` hands over the
 * pages that have arrived, waiting briefly for more: when the store answers faster than the
 * database writes, one transaction stores several pages (a commit per page was a large part
 * of SQLite's cost); when it answers slower, each page is stored as it comes.
 */
export class PageFeed {
  private readonly arrived: Fetched[] = [];
  /** Resolves the writer's wait for a page. */
  private wake: (() => void) | null = null;
  /** Resolves the fetcher's wait for room. */
  private pump: (() => void) | null = null;
  private stopped = false;
  /** The fetcher has stopped: the feed's end, an error, or stop(). */
  private ended = false;
  /** The cursor after the last page handed over. */
  private handed: OrdersCursor;

  constructor(
    fetchPage: (cursor: OrdersCursor) => Promise<Outcome<OrdersPage>>,
    start: OrdersCursor,
    private readonly aheadPages: number,
  ) {
    this.handed = start;
    void this.run(fetchPage, start);
  }

  /**
   * At least one page (waiting for it), then the pages that arrive within `gatherMs` of it
   * (at most the pages fetched ahead, and `maxOrders` orders). Throws what the fetch threw
   * if that is all there is (not a StoreUnreachable).
   */
  async take(maxOrders: number, gatherMs: number): Promise<Batch> {
    while (this.arrived.length === 0) await this.nextArrival(60_000);
    // SQLite runs synchronously: while a batch is stored no answer is read, so the next
    // pages arrive only while the writer waits. A short wait here trades one commit's
    // cost against a few round trips to a fast store; a slow store sends one page a batch.
    const deadline = Date.now() + gatherMs;
    while (!this.ended && this.arrived.length < this.aheadPages && Date.now() < deadline)
      await this.nextArrival(deadline - Date.now());
    const batch: Batch = { orders: [], pages: 0, after: this.handed, done: false };
    while (this.arrived.length > 0) {
      const next = this.arrived[0]!;
      if ('thrown' in next) {
        // Thrown after good pages: those are stored first, the next take throws it.
        if (batch.pages > 0) break;
        this.arrived.shift();
        throw next.thrown;
      }
      if ('error' in next) {
        this.arrived.shift();
        batch.error = next.error;
        break;
      }
      if (batch.pages > 0 && batch.orders.length + next.orders.length > maxOrders) break;
      this.arrived.shift();
      for (const o of next.orders) batch.orders.push(o);
      batch.pages += 1;
      batch.after = this.handed = next.after;
      batch.done = next.done;
    }
    this.wake = null;
    this.pump?.();
    return batch;
  }

  private nextArrival(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Stops fetching (the writer gave up). */
  stop(): void {
    this.stopped = true;
    this.pump?.();
  }

  private push(f: Fetched): void {
    this.arrived.push(f);
    if ('error' in f || 'thrown' in f || f.done) this.ended = true;
    this.wake?.();
  }

  private async run(
    fetchPage: (cursor: OrdersCursor) => Promise<Outcome<OrdersPage>>,
    start: OrdersCursor,
  ): Promise<void> {
    let cursor = start;
    for (;;) {
      while (this.arrived.length >= this.aheadPages && !this.stopped)
        await new Promise<void>((resolve) => (this.pump = resolve));
      this.pump = null;
      if (this.stopped) {
        this.ended = true;
        return;
      }
      let page: Outcome<OrdersPage>;
      try {
        page = await fetchPage(cursor);
      } catch (err) {
        if (err instanceof StoreUnreachable)
          return this.push({ error: { code: err.code, message: err.message } });
        return this.push({ thrown: err });
      }
      if (!page.ok)
        return this.push({
          error: page.messages[0] ?? { code: 'store_refused', message: 'The store refused.' },
        });
      const { orders, next } = page.result;
      const last = orders[orders.length - 1];
      const after: OrdersCursor =
        next ??
        (last ? { modifiedAt: Date.parse(last.modified_at), afterId: String(last.id) } : cursor);
      if (next && !isAfter(after, cursor))
        return this.push({
          error: {
            code: 'bad_answer',
            message: 'The store returned a cursor that does not move forward.',
          },
        });
      this.push({ orders, after, done: !next });
      if (!next) return;
      cursor = next;
    }
  }
}

function isAfter(a: OrdersCursor, b: OrdersCursor): boolean {
  return (
    a.modifiedAt > b.modifiedAt ||
    (a.modifiedAt === b.modifiedAt && Number(a.afterId) > Number(b.afterId))
  );
}
