import { PDFDocument } from 'pdf-lib';
import type { HttpCourierOptions } from '../builtin.js';
import type { Courier, CourierContext, CourierOutcome, UnifiedShipment } from '../courier.js';
import { CourierUnreachable } from '../http/courier-http.js';
import { CourierSessions } from '../http/sessions.js';
import { DpdClient } from './client.js';
import {
  calculationRequest,
  cancelMessages,
  isPdf,
  optionOf,
  parseCalculation,
  parseClients,
  parseCreated,
  parseOffices,
  parseSearch,
  parseServices,
  parseSites,
  parseTrack,
  pickSite,
  shipmentRequest,
  siteSearch,
} from './mapping.js';
import { DPD_CREDENTIALS, DPD_KEY, DPD_NAME, ROMANIA, TRACK_BATCH } from './settings.js';

export interface DpdDeps {
  /** The clock of the refused-login pause (tests fix it). */
  now?: () => number;
}

export function dpdCourier(opts: HttpCourierOptions, deps: DpdDeps = {}): Courier {
  const client = new DpdClient(opts, new CourierSessions(deps.now ?? Date.now));

  /** DPD needs a site id: the nomenclature step's, else one found by name (only when certain). */
  const siteOf = async (
    ctx: CourierContext,
    s: Omit<UnifiedShipment, 'reference'>,
  ): Promise<CourierOutcome<{ siteId: number | null }>> => {
    if (s.locker) return { ok: true, siteId: null };
    const known = Number(s.destination?.localityId ?? NaN);
    if (Number.isInteger(known) && known > 0) return { ok: true, siteId: known };
    const r = await client.post(ctx, 'location/site', siteSearch(s));
    return r.ok ? pickSite(r.answer, s) : r;
  };

  /** The shipment body, or why it cannot be sent. */
  const bodyOf = async (
    ctx: CourierContext,
    s: Omit<UnifiedShipment, 'reference'> & { reference?: string },
  ) => {
    const site = await siteOf(ctx, s);
    if (!site.ok) return site;
    return shipmentRequest(ctx, s, site.siteId);
  };

  return {
    key: DPD_KEY,
    name: DPD_NAME,
    capabilities: {
      cod: true,
      // `/print` paper sizes: A6 is our A6, A4_4xA6 our four labels on A4.
      labelFormats: ['a6', 'a4x4'],
      cancel: true,
      tracking: true,
      lockers: true,
      saturday: true,
      openPackage: true,
    },
    credentialFields: DPD_CREDENTIALS,

    async createShipment(ctx, s) {
      const req = await bodyOf(ctx, s);
      if (!req.ok) return req;
      const r = await client.post(ctx, 'shipment', req.body);
      return r.ok ? parseCreated(r.answer) : r;
    },

    async findByReference(ctx, reference) {
      const r = await client.post(ctx, 'shipment/search', { ref1: reference });
      // Not knowing is not "none": a second AWB would cost money, so the core waits and asks again.
      if (!r.ok)
        throw new CourierUnreachable(DPD_KEY, new Error(r.messages.map((m) => m.text).join(' ')));
      return parseSearch(r.answer, reference);
    },

    async label(ctx, labels, format) {
      const r = await client.post(ctx, 'print', {
        paperSize: format === 'a6' ? 'A6' : 'A4_4xA6',
        format: 'pdf',
        parcels: labels.map((l) => ({ parcel: { id: l.awb } })),
      });
      if (!r.ok) return r;
      const body = r.answer.body;
      if (!isPdf(body))
        return {
          ok: false,
          retryable: false,
          messages: [{ code: 'courier_said', text: 'not a PDF' }],
        };
      const pages = (await PDFDocument.load(body)).getPageCount();
      const name = labels.length === 1 ? (labels[0]?.awb ?? '') : `${labels.length}-awb`;
      return {
        ok: true,
        document: { contentType: 'application/pdf', body, pages, filename: `dpd-${name}.pdf` },
      };
    },

    async track(ctx, awbs) {
      const events = [];
      for (let i = 0; i < awbs.length; i += TRACK_BATCH) {
        const r = await client.post(ctx, 'track', {
          parcels: awbs.slice(i, i + TRACK_BATCH).map((id) => ({ id })),
          lastOperationOnly: false,
        });
        if (!r.ok) return r;
        events.push(...parseTrack(r.answer));
      }
      return { ok: true, events: events.sort((x, y) => x.at - y.at) };
    },

    async cancel(ctx, awb) {
      const r = await client.post(ctx, 'shipment/cancel', {
        shipmentId: awb,
        comment: 'Anulat din ecomdir',
      });
      return r.ok ? { ok: true } : { ...r, messages: cancelMessages(r.messages) };
    },

    async connect(ctx) {
      const services = await client.post(ctx, 'services', {});
      if (!services.ok) return services;
      const clients = await client.post(ctx, 'client/contract', {});
      if (!clients.ok) return clients;
      return {
        ok: true,
        services: parseServices(services.answer),
        pickupPoints: parseClients(clients.answer, optionOf(ctx, 'client_id')),
      };
    },

    async lockers(ctx) {
      const r = await client.post(ctx, 'location/office', { countryId: ROMANIA });
      return r.ok ? { ok: true, lockers: parseOffices(r.answer) } : r;
    },

    async localities(ctx, county) {
      if (!county)
        return { ok: false, retryable: false, messages: [{ code: 'county_required', text: '' }] };
      const r = await client.post(ctx, 'location/site', {
        countryId: ROMANIA,
        region: county.name,
      });
      return r.ok ? { ok: true, localities: parseSites(r.answer, county.name) } : r;
    },

    async estimate(ctx, s) {
      const req = await bodyOf(ctx, s);
      if (!req.ok) return req;
      const r = await client.post(ctx, 'calculate', calculationRequest(req.body));
      return r.ok ? parseCalculation(r.answer) : r;
    },
  };
}
