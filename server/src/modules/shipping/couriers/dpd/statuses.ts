import type { ShipmentStatus } from '../courier.js';

/**
 * DPD's operation codes (`/track` → `operationCode`) → our statuses. −14, 12, 124 and 128 are
 * in the reference; the others come from public integrations (second-hand, see
 * docs/couriers/dpd.md). A code not listed reads as `in_transit`, DPD's words kept.
 */
export const DPD_STATUSES: Readonly<Record<number, ShipmentStatus>> = {
  1: 'handed_over', // Preluat de la expeditor
  2: 'in_transit', // Încărcat pentru transport
  11: 'in_transit', // Sosit în depozitul de destinație
  12: 'out_for_delivery', // În curs de livrare
  [-14]: 'delivered', // Livrat
  43: 'refused', // Refuzat de destinatar
  124: 'returned', // Returnat expeditorului
  128: 'cancelled', // Anulat
  134: 'out_for_delivery', // Sosit în oficiu / automat, așteaptă ridicarea
};

export function dpdStatus(code: number): ShipmentStatus {
  return DPD_STATUSES[code] ?? 'in_transit';
}
