import { PDFDocument } from 'pdf-lib';
import type { HttpCourierOptions } from '../builtin.js';
import type { Courier, CourierContext } from '../courier.js';
import { CourierUnreachable } from '../http/courier-http.js';
import { CourierSessions } from '../http/sessions.js';
import { CargusClient } from './client.js';
import {
  awbList,
  awbRequest,
  estimateRequest,
  failure,
  findReference,
  optionOf,
  parseCancel,
  parseCounties,
  parseCreated,
  parseEstimate,
  parseLabel,
  parseLocalities,
  parseLockers,
  parsePickupPoints,
  parseTrace,
} from './mapping.js';
import { CARGUS_CREDENTIALS, CARGUS_KEY, CARGUS_NAME, SERVICES } from './settings.js';

/** mm-dd-yyyy of a day in Bucharest, as Cargus' date filters take it. */
function cargusDay(ms: number): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' })
    .format(ms)
    .split('-');
  return `${m}-${d}-${y}`;
}

/** The AWB list is paged; a shop makes a few hundred AWBs a day at most. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

export interface CargusDeps {
  /** The clock (tests fix it); tokens expire and reference look-ups span days by it. */
  now?: () => number;
}

export function cargusCourier(opts: HttpCourierOptions, deps: CargusDeps = {}): Courier {
  const now = deps.now ?? Date.now;
  const client = new CargusClient(opts, new CourierSessions(now), now);
  const get = (ctx: CourierContext, path: string, query?: Record<string, string>) =>
    client.call(ctx, { method: 'GET', path, ...(query && { query }) });

  return {
    key: CARGUS_KEY,
    name: CARGUS_NAME,
    capabilities: {
      cod: true,
      // AwbDocuments format 1 is the 10×14 label (our A6), format 0 the A4 page.
      labelFormats: ['a6', 'a4x4'],
      cancel: true,
      tracking: true,
      lockers: true,
      saturday: true,
      openPackage: true,
    },
    credentialFields: CARGUS_CREDENTIALS,

    async createShipment(ctx, s) {
      const req = awbRequest(ctx, s);
      if (!req.ok) return req;
      const r = await client.call(ctx, { method: 'POST', path: 'Awbs/WithGetAwb', json: req.body });
      return r.ok ? parseCreated(r.answer) : r;
    },

    async findByReference(ctx, reference) {
      // The core asks right after a lost answer: yesterday and today cover it, page by page.
      const t = now();
      for (let page = 1; page <= MAX_PAGES; page++) {
        const r = await get(ctx, 'Awbs/GetAwbsByDate', {
          FromDate: cargusDay(t - 24 * 60 * 60_000),
          ToDate: cargusDay(t),
          pageNumber: String(page),
          itemsPerPage: String(PAGE_SIZE),
        });
        const list = r.ok ? awbList(r.answer) : null;
        // Not knowing is not "none": a second AWB would cost money, so the core asks again later.
        if (!list) throw new CourierUnreachable(CARGUS_KEY, new Error('AWB look-up refused'));
        const found = findReference(list, reference);
        if (found || list.length < PAGE_SIZE) return found;
      }
      return null;
    },

    async label(ctx, labels, format) {
      const r = await get(ctx, 'AwbDocuments', {
        barCodes: JSON.stringify(labels.map((l) => l.awb)),
        type: 'PDF',
        format: format === 'a6' ? '1' : '0',
      });
      if (!r.ok) return r;
      const pdf = parseLabel(r.answer);
      if (!pdf.ok) return pdf;
      const pages = (await PDFDocument.load(pdf.pdf)).getPageCount();
      return {
        ok: true,
        document: {
          contentType: 'application/pdf',
          body: pdf.pdf,
          pages,
          filename: `cargus-${labels.length === 1 ? (labels[0]?.awb ?? '') : `${labels.length}-awb`}.pdf`,
        },
      };
    },

    async track(ctx, awbs) {
      const r = await get(ctx, 'AwbTrace/WithRedirect', { barCode: JSON.stringify(awbs) });
      return r.ok ? parseTrace(r.answer) : r;
    },

    async cancel(ctx, awb) {
      const r = await client.call(ctx, { method: 'DELETE', path: 'Awbs', query: { barCode: awb } });
      return r.ok ? parseCancel(r.answer) : r;
    },

    async connect(ctx) {
      // The first call logs in: a wrong login is the answer here.
      const r = await get(ctx, 'PickupLocations');
      if (!r.ok) return r;
      const points = parsePickupPoints(r.answer, optionOf(ctx, 'location_id'));
      if (!Array.isArray(points)) return points;
      return { ok: true, services: [...SERVICES], pickupPoints: points };
    },

    async lockers(ctx) {
      const r = await get(ctx, 'PudoPoints');
      if (!r.ok) return r;
      const lockers = parseLockers(r.answer);
      return Array.isArray(lockers) ? { ok: true, lockers } : lockers;
    },

    async localities(ctx, county) {
      if (!county)
        return { ok: false, retryable: false, messages: [{ code: 'county_required', text: '' }] };
      let target = county.id ? { id: county.id, name: county.name } : null;
      if (!target) {
        const c = await get(ctx, 'Counties', { countryId: '1' });
        if (!c.ok) return c;
        const all = parseCounties(c.answer);
        if (!Array.isArray(all)) return all;
        const want = fold(county.name);
        target = all.find((x) => fold(x.name) === want) ?? null;
        if (!target)
          return {
            ok: false,
            retryable: false,
            messages: [{ code: 'locality_unknown', text: county.name }],
          };
      }
      const r = await get(ctx, 'Localities', { countryId: '1', countyId: target.id });
      if (!r.ok) return r;
      const localities = parseLocalities(r.answer, target);
      return Array.isArray(localities) ? { ok: true, localities } : localities;
    },

    async estimate(ctx, s) {
      const r = await client.call(ctx, {
        method: 'POST',
        path: 'ShippingCalculation',
        json: estimateRequest(ctx, s),
      });
      if (!r.ok) return r;
      return r.answer.status === 200 ? parseEstimate(r.answer) : failure(r.answer);
    },
  };
}

/** A county name compared without diacritics, case or spaces ("Bistrița-Năsăud"). */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
