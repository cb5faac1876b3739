import { PDFDocument } from 'pdf-lib';
import type { HttpCourierOptions } from '../builtin.js';
import type { Courier, CourierContext, CourierOutcome } from '../courier.js';
import { CourierSessions } from '../http/sessions.js';
import { GlsClient } from './client.js';
import {
  errorsIn,
  eventsOf,
  labelBytes,
  madeFrom,
  parcelOf,
  parcelsOf,
  type GlsParcel,
  unsupportedOptions,
  wcfDate,
} from './mapping.js';
import {
  GLS_CREDENTIALS,
  GLS_HOSTS,
  GLS_KEY,
  GLS_LOOKBACK_DAYS,
  GLS_NAME,
  GLS_PRINTERS,
  GLS_SERVICES,
} from './settings.js';

const DAY = 86_400_000;

/**
 * GLS Romania on MyGLS. `PrintLabels` makes the parcel and its number in one call; the label is
 * printed again later by the parcel's id, which, like a lookup by our reference after a lost
 * answer, is read from the account's recent parcel list (`GetParcelList`).
 */
export function glsCourier(opts: HttpCourierOptions & { now?: () => number }): Courier {
  const now = opts.now ?? Date.now;
  const sessions = new CourierSessions(now);
  const clients = new Map<string, GlsClient>();
  const clientFor = (ctx: CourierContext) => {
    const base =
      opts.baseUrl ??
      (ctx.credentials?.test_mode === 'true' ? GLS_HOSTS.test : GLS_HOSTS.production);
    let c = clients.get(base);
    if (!c) clients.set(base, (c = new GlsClient(base, opts.timeoutMs, sessions)));
    return c;
  };
  const clientNumber = (ctx: CourierContext) => ctx.credentials?.client_number ?? '';

  /** The parcels printed in the last weeks (the only way MyGLS finds a parcel again). */
  async function recentParcels(
    ctx: CourierContext,
  ): Promise<CourierOutcome<{ parcels: GlsParcel[] }>> {
    const r = await clientFor(ctx).call(ctx.credentials, 'GetParcelList', {
      PrintDateFrom: wcfDate(now() - GLS_LOOKBACK_DAYS * DAY),
      PrintDateTo: wcfDate(now() + DAY),
    });
    if (!r.ok) return r;
    const errors = errorsIn(r.body);
    if (errors.length) return { ok: false, retryable: false, messages: errors };
    return { ok: true, parcels: parcelsOf(r.body) };
  }

  async function idsOf(ctx: CourierContext, awbs: string[]) {
    const r = await recentParcels(ctx);
    if (!r.ok) return r;
    const byNumber = new Map(r.parcels.map((p) => [String(p.ParcelNumber), p.ParcelId]));
    const missing = awbs.filter((a) => byNumber.get(a) === undefined);
    if (missing.length)
      return {
        ok: false as const,
        retryable: false,
        messages: missing.map((a) => ({ code: 'awb_not_found', text: a })),
      };
    return { ok: true as const, ids: awbs.map((a) => byNumber.get(a) as number) };
  }

  return {
    key: GLS_KEY,
    name: GLS_NAME,
    capabilities: {
      cod: true,
      labelFormats: ['a6', 'a4x4'],
      cancel: true,
      tracking: true,
      lockers: true,
    },
    credentialFields: GLS_CREDENTIALS,

    async createShipment(ctx, s) {
      const refused = unsupportedOptions(s);
      if (refused.length) return { ok: false, retryable: false, messages: refused };
      const r = await clientFor(ctx).call(ctx.credentials, 'PrintLabels', {
        ParcelList: [parcelOf(s, clientNumber(ctx), now())],
        TypeOfPrinter: GLS_PRINTERS.a6,
        PrintPosition: 1,
        ShowPrintDialog: false,
      });
      return r.ok ? madeFrom(r.body, s.reference) : r;
    },

    async findByReference(ctx, reference) {
      const r = await recentParcels(ctx);
      // A refusal here must not look like "not made": the core would make a second parcel.
      if (!r.ok) throw new Error(`GLS parcel list: ${r.messages.map((m) => m.code).join(', ')}`);
      const p = r.parcels.find((x) => x.ClientReference === reference);
      return p?.ParcelNumber ? { awb: String(p.ParcelNumber), trackingUrl: null } : null;
    },

    async label(ctx, labels, format) {
      if (format === 'zpl')
        return {
          ok: false,
          retryable: false,
          messages: [{ code: 'option_not_offered', text: 'zpl' }],
        };
      const ids = await idsOf(
        ctx,
        labels.map((l) => l.awb),
      );
      if (!ids.ok) return ids;
      const r = await clientFor(ctx).call(ctx.credentials, 'GetPrintedLabels', {
        ParcelIdList: ids.ids,
        TypeOfPrinter: GLS_PRINTERS[format],
        PrintPosition: 1,
        ShowPrintDialog: false,
      });
      if (!r.ok) return r;
      const errors = errorsIn(r.body);
      const bytes = labelBytes(r.body);
      if (errors.length || !bytes)
        return {
          ok: false,
          retryable: false,
          messages: errors.length
            ? errors
            : [{ code: 'courier_said', text: 'no label in the answer' }],
        };
      const pages = (await PDFDocument.load(bytes)).getPageCount();
      return {
        ok: true,
        document: {
          contentType: 'application/pdf',
          body: bytes,
          pages,
          filename: 'gls-labels.pdf',
        },
      };
    },

    async track(ctx, awbs) {
      const events = [];
      // MyGLS answers for one parcel per call.
      for (const awb of awbs) {
        const r = await clientFor(ctx).call(ctx.credentials, 'GetParcelStatuses', {
          ParcelNumber: Number(awb),
          ReturnPOD: false,
          LanguageIsoCode: 'RO',
        });
        if (!r.ok) return r;
        const errors = errorsIn(r.body);
        if (errors.length) return { ok: false, retryable: true, messages: errors };
        events.push(...eventsOf(r.body, awb));
      }
      return { ok: true, events };
    },

    async cancel(ctx, awb) {
      const ids = await idsOf(ctx, [awb]);
      if (!ids.ok) return ids;
      const r = await clientFor(ctx).call(ctx.credentials, 'DeleteLabels', {
        ParcelIdList: ids.ids,
      });
      if (!r.ok) return r;
      const errors = errorsIn(r.body);
      return errors.length ? { ok: false, retryable: false, messages: errors } : { ok: true };
    },

    // Test connection: GLS has no call that lists services; reading the parcel list proves the
    // login, and the services are the contract's (settings.ts).
    async connect(ctx) {
      const r = await recentParcels(ctx);
      if (!r.ok) return r;
      return { ok: true, services: [...GLS_SERVICES], pickupPoints: [] };
    },
  };
}
