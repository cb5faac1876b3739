import type {
  CodSettlementLine,
  Courier,
  CourierLocality,
  CourierContext,
  CourierOutcome,
  CourierService,
  Locker,
  MadeShipment,
  PickupPoint,
  TrackingEvent,
  UnifiedShipment,
} from '../../src/modules/shipping/couriers/courier.js';

/**
 * A courier for tests whose "remote side" is a map in memory: what it made by reference,
 * and faults to inject — a crash after the AWB was made (the answer lost), a refusal, or a
 * tracking history to return.
 */
export interface ScriptedCourier extends Courier {
  made: Map<string, string>;
  createCalls: number;
  /** The next N creates make the AWB and then throw (a timeout after the courier acted). */
  crashAfterMake: number;
  /** The next create answers this refusal instead. */
  refuse: { messages: { code: string; text: string }[]; retryable: boolean } | null;
  /** What track() answers per AWB; a string makes it throw. */
  history: Map<string, Omit<TrackingEvent, 'awb'>[]>;
  trackFails: number;
  /** How many times `localities` was asked (only with the `localities` option). */
  localityCalls: number;
  /**
   * Only with `scriptedCourier(key, tracking, { settlements: true })`: what codSettlements()
   * answers (the lines whose paid day is in the range; a refusal when `refuse`), and the ranges
   * it was asked for.
   */
  settlements?: {
    lines: CodSettlementLine[];
    refuse: { messages: { code: string; text: string }[]; retryable: boolean } | null;
    asked: { from: string; to: string }[];
  };
}

/**
 * Optional extras: a nomenclature (then the courier has `localities`, answered per county), and
 * COD settlements (then it has `codSettlements`).
 */
export interface ScriptedOptions {
  localities?: CourierLocality[];
  settlements?: boolean;
}

export function scriptedCourier(
  key = 'scripted',
  tracking = true,
  extra: ScriptedOptions = {},
): ScriptedCourier {
  let seq = 0;
  const c: ScriptedCourier = {
    key,
    name: `Scripted ${key}`,
    capabilities: { cod: true, labelFormats: ['a6'], cancel: true, tracking, lockers: false },
    credentialFields: [],
    made: new Map(),
    createCalls: 0,
    crashAfterMake: 0,
    refuse: null,
    history: new Map(),
    trackFails: 0,
    async createShipment(_ctx, s): Promise<CourierOutcome<MadeShipment>> {
      c.createCalls++;
      await new Promise((r) => setTimeout(r, 5));
      if (c.refuse) {
        const r = c.refuse;
        c.refuse = null;
        return { ok: false, ...r };
      }
      const awb = `SC${String(++seq).padStart(8, '0')}`;
      c.made.set(s.reference, awb);
      if (c.crashAfterMake > 0) {
        c.crashAfterMake--;
        throw new Error('socket hang up');
      }
      return { ok: true, awb, trackingUrl: `https://courier.example/t/${awb}` };
    },
    findByReference(_ctx, reference) {
      const awb = c.made.get(reference);
      return Promise.resolve(awb ? { awb, trackingUrl: `https://courier.example/t/${awb}` } : null);
    },
    label: (_ctx, labels) =>
      Promise.resolve({
        ok: true,
        document: {
          contentType: 'application/pdf',
          body: new TextEncoder().encode(labels.map((l) => l.awb).join(',')),
          pages: labels.length,
          filename: 'scripted.pdf',
        },
      }),
    track(_ctx, awbs) {
      if (c.trackFails > 0) {
        c.trackFails--;
        return Promise.reject(new Error('courier down'));
      }
      return Promise.resolve({
        ok: true,
        events: awbs.flatMap((awb) => (c.history.get(awb) ?? []).map((e) => ({ ...e, awb }))),
      });
    },
    cancel: () => Promise.resolve({ ok: true }),
    localityCalls: 0,
  };
  const list = extra.localities;
  if (list)
    c.localities = async (_ctx, county) => {
      c.localityCalls++;
      // Slow enough that concurrent callers overlap (the cache must fetch once for them).
      await new Promise((r) => setTimeout(r, 20));
      const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      return {
        ok: true,
        localities: list.filter((l) => !county || fold(l.countyName) === fold(county.name)),
      };
    };
  if (extra.settlements) {
    const settlements = { lines: [], refuse: null, asked: [] } as NonNullable<
      ScriptedCourier['settlements']
    >;
    c.settlements = settlements;
    c.codSettlements = (_ctx, range) => {
      settlements.asked.push(range);
      if (settlements.refuse) return Promise.resolve({ ok: false, ...settlements.refuse });
      const day = (at: number | null) =>
        at === null ? '' : new Date(at).toISOString().slice(0, 10);
      return Promise.resolve({
        ok: true,
        lines: settlements.lines.filter(
          (l) => l.paidAt === null || (day(l.paidAt) >= range.from && day(l.paidAt) <= range.to),
        ),
      });
    };
  }
  return c;
}

/** What a scripted courier with the optional operations answers, and what it was asked. */
export interface PlatformScript {
  /** The contexts and shipments the courier was called with, latest last. */
  contexts: CourierContext[];
  shipments: Omit<UnifiedShipment, 'reference'>[];
  connectAnswer: CourierOutcome<{ services: CourierService[]; pickupPoints: PickupPoint[] }>;
  lockerList: Locker[];
  /** Price per kilogram started (minor units), so an estimate depends on the parcel. */
  minorPerKg: number;
  /** The next call of an optional operation throws (the courier out of reach). */
  unreachable: boolean;
}

/**
 * A scripted courier that also has the optional operations (Test connection, lockers, price
 * estimate), login fields, and offers Saturday delivery and open package. Built on
 * `scriptedCourier`, whose behaviour stays as it is.
 */
export function platformCourier(key = 'platform'): ScriptedCourier & { script: PlatformScript } {
  const base = scriptedCourier(key);
  const script: PlatformScript = {
    contexts: [],
    shipments: [],
    connectAnswer: {
      ok: true,
      services: [
        { id: 'std', name: 'Standard', locker: false },
        { id: 'box', name: 'Locker', locker: true },
      ],
      pickupPoints: [{ id: 'pp1', name: 'Depozit', address: 'Str. Fabricii 3', isDefault: true }],
    },
    lockerList: [],
    minorPerKg: 500,
    unreachable: false,
  };
  const seen = (ctx: CourierContext) => {
    script.contexts.push(ctx);
    if (script.unreachable) {
      script.unreachable = false;
      throw new Error('connect ECONNREFUSED');
    }
  };
  const createShipment = base.createShipment.bind(base);
  return Object.assign(base, {
    script,
    capabilities: { ...base.capabilities, lockers: true, saturday: true, openPackage: true },
    credentialFields: [
      { key: 'username', secret: false, required: true },
      { key: 'password', secret: true, required: true },
    ],
    createShipment(ctx: CourierContext, s: UnifiedShipment) {
      script.contexts.push(ctx);
      script.shipments.push(s);
      return createShipment(ctx, s);
    },
    connect(ctx: CourierContext) {
      seen(ctx);
      return Promise.resolve(script.connectAnswer);
    },
    lockers(ctx: CourierContext) {
      seen(ctx);
      return Promise.resolve({ ok: true as const, lockers: script.lockerList });
    },
    estimate(ctx: CourierContext, s: Omit<UnifiedShipment, 'reference'>) {
      seen(ctx);
      script.shipments.push(s);
      const kg = Math.max(1, Math.ceil(s.weightGrams / 1000));
      return Promise.resolve({
        ok: true as const,
        amountMinor: kg * script.minorPerKg,
        currency: 'RON',
      });
    },
  });
}
