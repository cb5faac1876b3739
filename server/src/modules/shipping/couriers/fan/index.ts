import { PDFDocument } from 'pdf-lib';
import type { HttpCourierOptions } from '../builtin.js';
import type { Courier, CourierContext, CourierOutcome, CodSettlementLine } from '../courier.js';
import type { CourierRequest } from '../http/courier-http.js';
import { phpFormPairs } from '../http/php-form.js';
import { CourierSessions } from '../http/sessions.js';
import { FanClient } from './client.js';
import * as m from './mapping.js';
import {
  FAN_CREDENTIAL_FIELDS,
  FAN_KEY,
  FAN_NAME,
  fanTrackingUrl,
  LOOKUP_DAYS,
  MAX_PAGES,
  PAGE_SIZE,
} from './settings.js';

export interface FanDeps {
  /** The clock for "today" in the AWB-list lookup (tests fix it). */
  now?: () => number;
  sessions?: CourierSessions;
}

const DAY_MS = 86_400_000;
/** The longest COD range read at once: one call per day (and page) at FAN. */
const MAX_SETTLEMENT_DAYS = 93;

/**
 * FAN Courier on its API v2. Written from the documented API and tested against recorded
 * answers of that shape (no FAN account is reachable from where it was built): see
 * docs/couriers/fan.md.
 */
export function fanCourier(opts: HttpCourierOptions, deps: FanDeps = {}): Courier {
  const now = deps.now ?? Date.now;
  const client = new FanClient(opts, deps.sessions ?? new CourierSessions(), now);

  /** A call whose answer is FAN's `{status:"success", data}` envelope. */
  async function data(ctx: CourierContext, req: CourierRequest) {
    const r = await client.send(ctx, req);
    if (!r.ok) return r;
    return m.dataOf(r.answer.status, r.answer.json());
  }

  /** Every page of a paged report for one day (FAN pages from 1, 100 rows at most). */
  async function pages(ctx: CourierContext, path: string, date: string) {
    const rows: unknown[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const r = await data(ctx, {
        method: 'GET',
        path,
        query: { clientId: client.clientId(ctx), date, page, perPage: PAGE_SIZE },
      });
      if (!r.ok) return r;
      const got = m.rowsOf(r.data);
      rows.push(...got);
      if (got.length < PAGE_SIZE) break;
    }
    return { ok: true as const, rows };
  }

  return {
    key: FAN_KEY,
    name: FAN_NAME,
    capabilities: {
      cod: true,
      labelFormats: ['a6', 'a4x4', 'zpl'],
      cancel: true,
      tracking: true,
      lockers: true,
      saturday: true,
      openPackage: true,
    },
    credentialFields: FAN_CREDENTIAL_FIELDS,

    async createShipment(ctx, s) {
      const body = m.createBody(s, client.clientId(ctx));
      if (!body.ok) return body;
      const r = await client.send(ctx, { method: 'POST', path: 'intern-awb', json: body.json });
      if (!r.ok) return r;
      return m.createResult(r.answer.status, r.answer.json());
    },

    /**
     * FAN has no "find by client reference" call: the reference is sent as `costCenter` and
     * looked for in FAN's AWB list (`reports/awb`) of today and yesterday (Bucharest days),
     * newest first. When the list cannot be read this throws: answering "none" would let the
     * core make a second, paid AWB.
     */
    async findByReference(ctx, reference) {
      for (let back = 0; back < LOOKUP_DAYS; back++) {
        const r = await pages(ctx, 'reports/awb', m.bucharestDay(now() - back * DAY_MS));
        if (!r.ok) throw new Error(`FAN AWB list not readable: ${r.messages[0]?.code ?? ''}`);
        const awb = m.awbInSlip(r.rows, reference);
        if (awb) return { awb, trackingUrl: fanTrackingUrl(awb) };
      }
      return null;
    },

    async label(ctx, labels, format) {
      const awbs = labels.map((l) => l.awb);
      const zpl = format === 'zpl';
      const r = await client.send(ctx, {
        method: 'GET',
        path: 'awb/label',
        query: {
          clientId: client.clientId(ctx),
          'awbs[]': awbs,
          language: 'ro',
          ...(zpl ? { zpl: 1 } : { pdf: 1, format: format === 'a6' ? 'A6' : 'A4' }),
        },
      });
      if (!r.ok) return r;
      const { status, body } = r.answer;
      // A JSON answer is never a label: FAN says `status: fail` that way, even with HTTP 200.
      if (status !== 200 || r.answer.json() !== undefined)
        return m.failure(status === 200 ? 422 : status, r.answer.json());
      const name = `fan-${awbs[0] ?? 'labels'}`;
      if (zpl) {
        const pages = (r.answer.text().match(/\^XA/g) ?? []).length;
        return {
          ok: true,
          document: { contentType: 'application/zpl', body, pages, filename: `${name}.zpl` },
        };
      }
      const pdf = await PDFDocument.load(body).catch(() => null);
      if (!pdf) return m.failure(422, { message: 'FAN answered a label that is not a PDF' });
      return {
        ok: true,
        document: {
          contentType: 'application/pdf',
          body,
          pages: pdf.getPageCount(),
          filename: `${name}.pdf`,
        },
      };
    },

    async track(ctx, awbs) {
      const r = await client.send(ctx, {
        method: 'GET',
        path: 'reports/awb/tracking',
        query: { clientId: client.clientId(ctx), 'awb[]': awbs, language: 'ro' },
      });
      if (!r.ok) return r;
      const body = r.answer.json();
      // The reference shows a bare list; the other reports wrap it in `{status, data}`.
      const d =
        Array.isArray(body) && r.answer.status === 200
          ? { ok: true as const, data: body }
          : m.dataOf(r.answer.status, body);
      if (!d.ok) return d;
      const events = m.trackingEvents(d.data).sort((a, b) => a.at - b.at);
      return { ok: true, events };
    },

    async cancel(ctx, awb) {
      const r = await client.send(ctx, {
        method: 'DELETE',
        path: 'awb',
        query: { clientId: client.clientId(ctx), awb },
      });
      if (!r.ok) return r;
      if (r.answer.status === 404)
        return { ok: false, retryable: false, messages: [{ code: 'awb_not_found', text: awb }] };
      const d = m.dataOf(r.answer.status, r.answer.json());
      return d.ok ? { ok: true } : d;
    },

    async connect(ctx) {
      const services = await data(ctx, { method: 'GET', path: 'reports/services' });
      if (!services.ok) return services;
      const branches = await data(ctx, {
        method: 'GET',
        path: 'reports/branches',
        query: { clientId: client.clientId(ctx) },
      });
      return {
        ok: true,
        services: m.servicesOf(services.data),
        // A login without branches bills every AWB to its own client id: no choice to offer.
        pickupPoints: branches.ok ? m.branchesOf(branches.data) : [],
      };
    },

    async lockers(ctx) {
      const r = await data(ctx, {
        method: 'GET',
        path: 'reports/pickup-points',
        query: { type: 'fanbox' },
      });
      return r.ok ? { ok: true, lockers: m.lockersOf(r.data) } : r;
    },

    async localities(ctx, county) {
      const counties = await data(ctx, { method: 'GET', path: 'reports/counties' });
      if (!counties.ok) return counties;
      const r = await data(ctx, {
        method: 'GET',
        path: 'reports/localities',
        query: { ...(county && { county: county.name }) },
      });
      if (!r.ok) return r;
      return { ok: true, localities: m.localitiesOf(r.data, m.countiesOf(counties.data)) };
    },

    async estimate(ctx, s) {
      const q = m.tariffQuery(s, client.clientId(ctx));
      if (!q.ok) return q;
      const r = await data(ctx, {
        method: 'GET',
        path: 'reports/awb/internal-tariff',
        query: Object.fromEntries(phpFormPairs(q.query)),
      });
      return r.ok ? m.tariffOf(r.data) : r;
    },

    /** FAN's bank-transfer report, one call per day (and page) of the range. */
    async codSettlements(ctx, range): Promise<CourierOutcome<{ lines: CodSettlementLine[] }>> {
      const from = Date.parse(`${range.from}T00:00:00Z`);
      const to = Date.parse(`${range.to}T00:00:00Z`);
      if (Number.isNaN(from) || Number.isNaN(to) || to < from)
        return { ok: false, retryable: false, messages: [{ code: 'range_invalid', text: '' }] };
      if ((to - from) / DAY_MS + 1 > MAX_SETTLEMENT_DAYS)
        return {
          ok: false,
          retryable: false,
          messages: [{ code: 'range_too_long', text: String(MAX_SETTLEMENT_DAYS) }],
        };
      const lines: CodSettlementLine[] = [];
      for (let t = from; t <= to; t += DAY_MS) {
        const r = await pages(
          ctx,
          'reports/bank-transfers',
          new Date(t).toISOString().slice(0, 10),
        );
        if (!r.ok) return r;
        lines.push(...m.settlementLines(r.rows));
      }
      return { ok: true, lines };
    },
  } satisfies Courier;
}
