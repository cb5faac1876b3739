import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema.js';
import type { RenderLabels } from '../../labels/label-data.js';
import type { Courier } from '../courier.js';
import { awbForReference, findAwb } from './awb-register.js';
import { OWN_COURIER_KEY, OWN_COURIER_NAME } from './mapping.js';

export interface OwnCourierDeps {
  db: Kysely<DB>;
  renderLabels: RenderLabels;
  /** The account's AWB prefix (shipping settings). */
  prefixOf: (accountId: number) => Promise<string>;
}

/**
 * The built-in courier: ecomdir numbers the AWBs, renders the labels, and the shop marks the
 * tracking (handed over, delivered, returned) itself — the whole flow with no courier account.
 * Tracking URL null: the core's public tracking page is the courier's page.
 */
export function ownCourier(deps: OwnCourierDeps): Courier {
  return {
    key: OWN_COURIER_KEY,
    name: OWN_COURIER_NAME,
    capabilities: {
      cod: true,
      labelFormats: ['a6', 'a4x4', 'zpl'],
      cancel: true,
      tracking: false,
      lockers: false,
    },
    credentialFields: [],
    async createShipment(ctx, s) {
      const prefix = await deps.prefixOf(ctx.accountId);
      const awb = await awbForReference(deps.db, ctx.accountId, s.reference, prefix);
      return { ok: true, awb, trackingUrl: null };
    },
    async findByReference(ctx, reference) {
      const awb = await findAwb(deps.db, ctx.accountId, reference);
      return awb ? { awb, trackingUrl: null } : null;
    },
    async label(_ctx, labels, format) {
      return { ok: true, document: await deps.renderLabels(labels, format) };
    },
    // Nothing to ask: the history is what the shop marked, already stored by the core.
    track: () => Promise.resolve({ ok: true, events: [] }),
    cancel: () => Promise.resolve({ ok: true }),
  };
}
