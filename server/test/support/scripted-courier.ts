import type {
  CodSettlementLine,
  Courier,
  CourierOutcome,
  MadeShipment,
  TrackingEvent,
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

export function scriptedCourier(
  key = 'scripted',
  tracking = true,
  opts: { settlements?: boolean } = {},
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
  };
  if (opts.settlements) {
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
