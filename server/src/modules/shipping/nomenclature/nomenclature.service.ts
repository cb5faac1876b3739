import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { enqueue } from '../../../jobs/jobs.repo.js';
import { AppError, Invalid, NotFound } from '../../../shared/errors.js';
import { findOrder, findOrderAddresses } from '../../orders/orders.repo.js';
import type { CourierContext, CourierLocality, ResolvedDestination } from '../couriers/courier.js';
import type { CourierRegistry } from '../couriers/registry.js';
import { matchLocality, type MatchReason, type RecipientPlace } from './match.js';
import {
  cleanPostcode,
  countyKey,
  countyName,
  countyOfPostcode,
  namesBucharest,
  placeKey,
} from './normalize.js';
import * as repo from './nomenclature.repo.js';

/** A cached list older than this is fetched again (on use, and by the periodic refresh). */
export const REFRESH_AFTER_MS = 7 * 24 * 3600_000;

export type AddressMatch =
  | { status: 'not_needed'; match: null; candidates: []; reason: null }
  | {
      status: 'matched';
      match: CourierLocality;
      candidates: CourierLocality[];
      reason: MatchReason | 'chosen';
    }
  | {
      status: 'ambiguous' | 'unmatched';
      match: null;
      candidates: CourierLocality[];
      reason: MatchReason;
    };

/** The recipient's place could not be matched with confidence: the person chooses. */
export class AddressUnmatched extends AppError {
  constructor(readonly details: { courier: string; match: AddressMatch }) {
    super(
      409,
      'address_unmatched',
      `The recipient's locality was not matched to this courier's list (${details.match.reason}); choose one of the candidates.`,
    );
  }

  override bodyFields() {
    return { details: this.details };
  }
}

export function destinationOf(l: CourierLocality, postcode: string | null): ResolvedDestination {
  return {
    countyId: l.countyId,
    countyName: l.countyName,
    localityId: l.id,
    localityName: l.name,
    // The customer's own code is the more precise (a city has one per street) when it is of
    // the matched county; else the courier's code of the place.
    postcode:
      postcode && countyOfPostcode(postcode) === (countyName(l.countyName) ?? l.countyName)
        ? cleanPostcode(postcode)
        : l.postcode,
  };
}

/**
 * Couriers' localities cached per (courier, county) and the orders' recipients matched to
 * them. One fetch serves concurrent callers (an in-flight promise per key), and no courier
 * I/O ever runs inside a database transaction.
 */
export class Nomenclature {
  private readonly inFlight = new Map<string, Promise<CourierLocality[]>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly couriers: CourierRegistry,
    private readonly contextOf: (accountId: number, courier: string) => Promise<CourierContext>,
    /** The courier the order's AWB would go to (the shipping rules), null when none yet. */
    private readonly courierOf: (accountId: number, orderId: number) => Promise<string | null>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The courier to match for when the caller names none (an unknown order is not found). */
  async plannedCourier(accountId: number, orderId: number): Promise<string> {
    await this.recipientOf(accountId, orderId);
    return (await this.courierOf(accountId, orderId)) ?? 'own';
  }

  /** Whether a courier needs its nomenclature (it lists localities). */
  needs(courierKey: string): boolean {
    return typeof this.couriers.find(courierKey)?.localities === 'function';
  }

  /** A county's list: from the cache while fresh, else fetched (once for concurrent callers). */
  async localities(
    accountId: number,
    courierKey: string,
    county: string,
  ): Promise<CourierLocality[]> {
    const key = countyKey(county);
    const cached = await repo.findCached(this.db, courierKey, key);
    if (cached && this.now() - cached.fetchedAt < REFRESH_AFTER_MS) return cached.localities;
    try {
      return await this.fetch(accountId, courierKey, county);
    } catch (err) {
      // The courier is down: a stale list is better than none (the places rarely change).
      if (cached) return cached.localities;
      throw err;
    }
  }

  /** Fetches a county's list from the courier now and caches it. */
  fetch(accountId: number, courierKey: string, county: string): Promise<CourierLocality[]> {
    const flightKey = `${courierKey}\u0000${countyKey(county)}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const p = this.fetchNow(accountId, courierKey, county).finally(() =>
      this.inFlight.delete(flightKey),
    );
    this.inFlight.set(flightKey, p);
    return p;
  }

  private async fetchNow(accountId: number, courierKey: string, county: string) {
    const courier = this.couriers.find(courierKey);
    if (!courier?.localities) return [];
    const ctx = await this.contextOf(accountId, courierKey);
    const name = countyName(county) ?? county;
    let r: Awaited<ReturnType<NonNullable<typeof courier.localities>>>;
    try {
      r = await courier.localities(ctx, { id: null, name });
    } catch {
      // Unreachable or timed out: a coded 503, never a 500 (the person may try again).
      throw new AppError(
        503,
        'nomenclature_unavailable',
        "The courier's list of localities could not be read: the courier did not answer.",
      );
    }
    if (!r.ok)
      throw new AppError(
        503,
        'nomenclature_unavailable',
        `The courier's list of localities could not be read: ${r.messages.map((m) => m.text).join('; ')}`,
      );
    await repo.saveCached(
      this.db,
      courierKey,
      countyKey(county),
      r.localities,
      accountId,
      this.now(),
    );
    return r.localities;
  }

  /** Queues a refresh of every list older than 7 days (run by a periodic tick). */
  async enqueueStale(): Promise<number> {
    const stale = await repo.staleCached(this.db, this.now() - REFRESH_AFTER_MS, 200);
    for (const s of stale)
      await enqueue(this.db, {
        kind: 'nomenclature.refresh',
        accountId: Number(s.fetched_by_account_id),
        payload: { courier: s.courier, county: s.county_key },
        dedupeKey: `nomenclature.refresh:${s.courier}:${s.county_key}`,
      });
    return stale.length;
  }

  /** The job: fetch one list again with the login that read it last. */
  async refresh(p: { courier: string; county: string }): Promise<void> {
    const cached = await repo.findCached(this.db, p.courier, p.county);
    if (!cached || this.now() - cached.fetchedAt < REFRESH_AFTER_MS) return;
    await this.fetch(cached.fetchedBy, p.courier, p.county);
  }

  /** The recipient of an order matched to a courier's list (a saved choice wins). */
  async match(
    accountId: number,
    orderId: number,
    courierKey: string,
    recipient?: RecipientPlace,
  ): Promise<AddressMatch> {
    // Another account's order is not found, whatever the courier.
    const place = recipient ?? (await this.recipientOf(accountId, orderId));
    if (!this.couriers.find(courierKey))
      throw new Invalid('courier_unknown', 'This courier is not available on this server.');
    if (!this.needs(courierKey))
      return { status: 'not_needed', match: null, candidates: [], reason: null };
    const chosen = await repo.findChoice(this.db, accountId, orderId, courierKey);
    if (chosen) return { status: 'matched', match: chosen, candidates: [], reason: 'chosen' };
    const list = await this.listsFor(accountId, courierKey, place);
    const r = matchLocality(place, list);
    return r.status === 'matched'
      ? { status: 'matched', match: r.match, candidates: [], reason: r.reason }
      : { status: r.status, match: null, candidates: r.candidates, reason: r.reason };
  }

  /**
   * The destination a shipment carries for this courier: null for couriers without a
   * nomenclature; refused with the candidates when the match is not confident.
   */
  async destinationFor(
    accountId: number,
    orderId: number,
    courierKey: string,
    recipient: RecipientPlace,
  ): Promise<ResolvedDestination | null> {
    const m = await this.match(accountId, orderId, courierKey, recipient);
    if (m.status === 'not_needed') return null;
    if (m.status !== 'matched') throw new AddressUnmatched({ courier: courierKey, match: m });
    return destinationOf(m.match, recipient.postcode);
  }

  /** Saves a person's choice: one of the courier's localities (by id, or by name and county). */
  async choose(
    accountId: number,
    orderId: number,
    input: { courier: string; locality: { id: string | null; name: string; county: string } },
    by: string,
  ): Promise<AddressMatch> {
    await this.recipientOf(accountId, orderId);
    if (!this.couriers.find(input.courier))
      throw new Invalid('courier_unknown', 'This courier is not available on this server.');
    if (!this.needs(input.courier))
      throw new Invalid(
        'address_match_not_needed',
        'This courier needs no locality from its list.',
      );
    const list = await this.localities(accountId, input.courier, input.locality.county);
    const wanted = input.locality;
    const found = list.find((l) =>
      wanted.id !== null && l.id !== null
        ? l.id === wanted.id
        : placeKey(l.name) === placeKey(wanted.name) &&
          countyKey(l.countyName) === countyKey(wanted.county),
    );
    if (!found)
      throw new Invalid('locality_not_offered', "This locality is not in the courier's list.");
    await repo.saveChoice(this.db, {
      accountId,
      orderId,
      courier: input.courier,
      locality: found,
      by,
    });
    return { status: 'matched', match: found, candidates: [], reason: 'chosen' };
  }

  /** The counties whose lists can hold the recipient's place: the order's, the postcode's, Bucharest. */
  private async listsFor(accountId: number, courierKey: string, r: RecipientPlace) {
    const counties = new Set<string>();
    for (const c of [countyName(r.county), countyOfPostcode(r.postcode)]) if (c) counties.add(c);
    if (namesBucharest(r.city)) counties.add('București');
    const lists = await Promise.all(
      [...counties].map((c) => this.localities(accountId, courierKey, c)),
    );
    return lists.flat();
  }

  /** The shipping address (the billing one when the order has none), as the AWB uses it. */
  async recipientOf(accountId: number, orderId: number): Promise<RecipientPlace> {
    const order = await findOrder(this.db, accountId, orderId);
    if (!order) throw new NotFound('order_not_found', 'This order was not found.');
    const addresses = await findOrderAddresses(this.db, accountId, orderId);
    const billing = addresses.find((a) => a.kind === 'billing');
    const a = addresses.find((x) => x.kind === 'shipping' && x.address_1) ?? billing;
    return {
      county: a?.state ?? '',
      city: a?.city ?? order.shipping_city,
      postcode: a?.postcode || null,
      address1: a?.address_1 ?? '',
      address2: a?.address_2 || null,
    };
  }
}
