import { PDFDocument } from 'pdf-lib';
import type { HttpCourierOptions } from '../builtin.js';
import type {
  Courier,
  CourierContext,
  CourierMessage,
  CourierOutcome,
  TrackingEvent,
  UnifiedShipment,
} from '../courier.js';
import { phpFormPairs } from '../http/php-form.js';
import { SamedayClient } from './client.js';
import {
  awbFields,
  failureOf,
  fold,
  parseCreated,
  parseEstimate,
  parseHistory,
  type SendAs,
  shipmentProblems,
  toLocality,
  toLocker,
  toPickupPoint,
  toService,
} from './mapping.js';
import {
  SAMEDAY_CREDENTIAL_FIELDS,
  SAMEDAY_KEY,
  SAMEDAY_NAME,
  type SamedayOption,
} from './settings.js';

/** The default pickup point read from Sameday is kept this long (it rarely changes). */
const PICKUP_CACHE_MS = 10 * 60_000;
/** How many create outcomes this process remembers for findByReference (oldest dropped). */
const OUTCOMES_KEPT = 10_000;

const refuse = (
  code: string,
  text = '',
): { ok: false; retryable: false; messages: CourierMessage[] } => ({
  ok: false,
  retryable: false,
  messages: [{ code, text }],
});

/**
 * Sameday (easybox lockers included), written from the public API documentation and SDK and
 * tested against recorded answers: see docs/couriers/sameday.md.
 */
export function samedayCourier(
  opts: HttpCourierOptions,
  client = new SamedayClient(opts),
): Courier {
  const pickups = new Map<string, { at: number; pickup: { id: string; person: string } | null }>();
  /**
   * What each create of this process was answered (by account and reference): the AWB, or
   * null when Sameday answered and made none. A create whose answer never came is not here.
   */
  const outcomes = new Map<string, string | null>();
  const remember = (ctx: CourierContext, reference: string, awb: string | null) => {
    outcomes.set(`${ctx.accountId}:${reference}`, awb);
    if (outcomes.size > OUTCOMES_KEPT) outcomes.delete(outcomes.keys().next().value as string);
  };

  const option = (ctx: CourierContext, key: SamedayOption): string =>
    ctx.options[key] ?? ctx.credentials?.[key] ?? '';

  /** The pickup point and contact person: chosen in the settings, else the account's default. */
  async function pickupOf(
    ctx: CourierContext,
  ): Promise<CourierOutcome<{ id: string; person: string }>> {
    const chosen = option(ctx, 'pickup_point');
    const person = option(ctx, 'contact_person');
    if (chosen && person) return { ok: true, id: chosen, person };
    const key = `${ctx.accountId}:${ctx.credentials?.username ?? ''}:${chosen}`;
    const cached = pickups.get(key);
    let pickup = cached && cached.at + PICKUP_CACHE_MS > Date.now() ? cached.pickup : undefined;
    if (pickup === undefined) {
      const r = await client.all(ctx, '/api/client/pickup-points');
      if (!r.ok) return r;
      const points = r.rows.map(toPickupPoint);
      // A chosen pickup point must exist; without a choice, the default (else the only one).
      const p = chosen
        ? points.find((x) => x.id === chosen)
        : (points.find((x) => x.isDefault) ?? points[0]);
      pickup = p?.contactPerson ? { id: p.id, person: p.contactPerson } : null;
      pickups.set(key, { at: Date.now(), pickup });
    }
    if (!pickup) return refuse('pickup_point_missing');
    return { ok: true, ...pickup };
  }

  /** Who sends, with which service: the easybox service for a locker when one is set. */
  async function sendAs(
    ctx: CourierContext,
    s: Omit<UnifiedShipment, 'reference'>,
  ): Promise<CourierOutcome<{ as: SendAs }>> {
    const service = (s.locker && option(ctx, 'locker_service')) || s.service;
    // Sameday names services by numeric id (GET /api/client/services).
    if (!/^\d+$/.test(service)) return refuse('service_unavailable', service);
    const p = await pickupOf(ctx);
    if (!p.ok) return p;
    return { ok: true, as: { pickupPoint: p.id, contactPerson: p.person, service } };
  }

  return {
    key: SAMEDAY_KEY,
    name: SAMEDAY_NAME,
    capabilities: {
      cod: true,
      labelFormats: ['a6', 'a4x4'],
      cancel: true,
      tracking: true,
      lockers: true,
    },
    credentialFields: SAMEDAY_CREDENTIAL_FIELDS,

    async createShipment(ctx, s) {
      // Until the create itself goes out, a failure (no login, the pickup points unreadable,
      // Sameday unreachable) certainly made nothing: remembered so the retry may create.
      let sent = false;
      // What an earlier try of this reference was answered no longer tells about this one.
      outcomes.delete(`${ctx.accountId}:${s.reference}`);
      try {
        const problems = shipmentProblems(s);
        if (problems.length) return { ok: false, retryable: false, messages: problems };
        const who = await sendAs(ctx, s);
        if (!who.ok) return who;
        const r = await client.send(
          ctx,
          { method: 'POST', path: '/api/awb', form: phpFormPairs(awbFields(s, who.as)) },
          () => (sent = true),
        );
        if (!r.ok) return r;
        const made = parseCreated(r.answer);
        // A 5xx may come after Sameday made the AWB: unknown, so not remembered as "none".
        if (made.ok) remember(ctx, s.reference, made.awb);
        else if (r.answer.status < 500) remember(ctx, s.reference, null);
        return made;
      } finally {
        if (!sent) remember(ctx, s.reference, null);
      }
    },

    /**
     * Sameday's documented API has no lookup of an AWB by our reference (the status sync does
     * not carry clientInternalReference). So: a create this process saw answered is answered
     * from memory (its AWB, or none when Sameday refused it — then the retry may create);
     * any other (the answer was lost, or another process sent it) throws: answering "none"
     * could make a second, paid AWB. The shipment then stays pending; the shop checks eAWB.
     */
    findByReference(ctx, reference) {
      const key = `${ctx.accountId}:${reference}`;
      if (outcomes.has(key)) {
        const awb = outcomes.get(key) ?? null;
        return Promise.resolve(awb === null ? null : { awb, trackingUrl: null });
      }
      return Promise.reject(new Error('Sameday has no lookup of an AWB by reference'));
    },

    async label(ctx, labels, format) {
      if (format === 'zpl') return refuse('option_not_offered', 'zpl');
      const size = format === 'a6' ? 'A6' : 'A4';
      const pdfs: Uint8Array[] = [];
      for (const l of labels) {
        const r = await client.send(ctx, {
          method: 'GET',
          path: `/api/awb/download/${encodeURIComponent(l.awb)}/${size}`,
          headers: { accept: 'application/pdf' },
        });
        if (!r.ok) return r;
        const pdf = r.answer.body;
        const isPdf = new TextDecoder().decode(pdf.subarray(0, 5)) === '%PDF-';
        if (r.answer.status !== 200 || !isPdf) return failureOf(r.answer, 'awb_not_found');
        pdfs.push(pdf);
      }
      // Sameday gives one PDF per AWB: one document to print, in the order asked.
      const doc = await PDFDocument.create();
      for (const bytes of pdfs) {
        const src = await PDFDocument.load(bytes);
        for (const page of await doc.copyPages(src, src.getPageIndices())) doc.addPage(page);
      }
      return {
        ok: true,
        document: {
          contentType: 'application/pdf',
          body: await doc.save(),
          pages: doc.getPageCount(),
          filename: `sameday-${format}.pdf`,
        },
      };
    },

    async track(ctx, awbs) {
      const events: TrackingEvent[] = [];
      for (const awb of awbs) {
        const r = await client.send(ctx, {
          method: 'GET',
          path: `/api/client/awb/${encodeURIComponent(awb)}/status`,
        });
        if (!r.ok) return r;
        if (r.answer.status !== 200) return failureOf(r.answer, 'awb_not_found');
        events.push(...parseHistory(awb, r.answer.json()));
      }
      return { ok: true, events };
    },

    async cancel(ctx, awb) {
      const r = await client.send(ctx, {
        method: 'DELETE',
        path: `/api/awb/${encodeURIComponent(awb)}`,
      });
      if (!r.ok) return r;
      if (r.answer.status === 200 || r.answer.status === 204) return { ok: true };
      return failureOf(r.answer, 'awb_not_found');
    },

    async connect(ctx) {
      const services = await client.all(ctx, '/api/client/services');
      if (!services.ok) return services;
      const points = await client.all(ctx, '/api/client/pickup-points');
      if (!points.ok) return points;
      return {
        ok: true,
        services: services.rows.map(toService),
        pickupPoints: points.rows.map(toPickupPoint).map(({ contactPerson: _, ...p }) => p),
      };
    },

    async lockers(ctx) {
      const r = await client.all(ctx, '/api/client/lockers');
      return r.ok ? { ok: true, lockers: r.rows.map(toLocker) } : r;
    },

    async localities(ctx, county) {
      let countyId = county?.id ?? null;
      if (county && !countyId) {
        // Sameday lists cities by county id: the county is found by its name first.
        const counties = await client.all(ctx, '/api/geolocation/county');
        if (!counties.ok) return counties;
        const want = fold(county.name);
        const found = counties.rows.find(
          (c) => typeof c.name === 'string' && fold(c.name) === want,
        );
        if (!found) return refuse('locality_unknown', county.name);
        countyId = String(found.id);
      }
      const r = await client.all(
        ctx,
        '/api/geolocation/city',
        countyId ? { county: countyId } : {},
      );
      return r.ok ? { ok: true, localities: r.rows.map(toLocality) } : r;
    },

    async estimate(ctx, s) {
      const problems = shipmentProblems(s);
      if (problems.length) return { ok: false, retryable: false, messages: problems };
      const who = await sendAs(ctx, s);
      if (!who.ok) return who;
      const r = await client.send(ctx, {
        method: 'POST',
        path: '/api/awb/estimate-cost',
        // A price asked for is not an AWB: no reference, even when the caller's object has one.
        form: phpFormPairs(awbFields({ ...s, reference: undefined }, who.as)),
      });
      return r.ok ? parseEstimate(r.answer) : r;
    },
  };
}
