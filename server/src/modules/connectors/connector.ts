import type { z } from 'zod';
import type { FetchPolicy } from './safe-fetch.js';
import type { StoreStatus, UnifiedOrder } from './unified-order.js';

/** Every connector's key: also an order's `source` (with `manual`), so the answers can list them. */
export const CONNECTOR_KEYS = ['woocommerce', 'woocommerce-rest'] as const;
export type ConnectorKey = (typeof CONNECTOR_KEYS)[number];

/** A business answer of the store (wrong credentials, plugin missing, packer locked …). */
export interface StoreMessage {
  code: string;
  message: string;
  /** The HTTP status the store answered, and the start of its body, for the owner to read. */
  httpStatus?: number;
  answer?: string;
}

/** Business failures of the store are data; only infrastructure failures throw (StoreUnreachable). */
export type Outcome<T> = { ok: true; result: T } | { ok: false; messages: StoreMessage[] };

/**
 * The store could not be talked to: network error, timeout, 5xx, or an answer that is not
 * the contract's JSON (malformed, truncated, wrong shape). Worth retrying later.
 */
export class StoreUnreachable extends Error {
  constructor(
    readonly code:
      | 'unreachable'
      | 'timeout'
      | 'server_error'
      | 'bad_answer'
      | 'name_not_found'
      | 'connection_refused'
      | 'tls_error'
      | 'too_large'
      | 'address_not_allowed',
    message: string,
  ) {
    super(message);
  }
}

/** Position in the store's order feed: strictly after (modification time, id). */
export interface OrdersCursor {
  modifiedAt: number;
  afterId: string;
}

export interface OrdersPage {
  orders: UnifiedOrder[];
  /** Null when the feed has nothing after this page (for now). */
  next: OrdersCursor | null;
}

export interface AssignmentPush {
  packerId: string;
  packerName: string;
  assignedAt: number;
  confirmedAt: number | null;
  override: boolean;
}

export interface ShipmentPush {
  courier: string;
  awb: string;
  trackingUrl: string;
  labelUrl: string | null;
}

/** One store, reached with its credential. Every call may throw StoreUnreachable. */
export interface StoreConnection {
  /** Verifies that the store answers with these credentials (used by connect and by hand). */
  status(): Promise<Outcome<StoreStatus>>;
  /** Orders ordered by (modification time, id), strictly after the cursor; never skips one. */
  ordersAfter(cursor: OrdersCursor, limit: number): Promise<Outcome<OrdersPage>>;
  /** One order; ok with null when the store no longer has it. */
  order(externalId: string): Promise<Outcome<UnifiedOrder | null>>;
  /** Must be idempotent: the same assignment pushed twice leaves the store as once. */
  pushAssignment(externalId: string, a: AssignmentPush): Promise<Outcome<null>>;
  pushShipment(externalId: string, s: ShipmentPush): Promise<Outcome<null>>;
}

export interface ConnectOptions {
  timeoutMs: number;
  /** Which addresses and how large answers; absent: public addresses only, 16 MB. */
  fetch?: FetchPolicy;
}

/** A platform: how to read its credential and open a connection to one store. */
export interface StoreConnector<C = unknown> {
  key: ConnectorKey;
  credentials: z.ZodType<C>;
  connect(url: string, credentials: C, opts: ConnectOptions): StoreConnection;
}

export type ConnectorRegistry = ReadonlyMap<ConnectorKey, StoreConnector>;
