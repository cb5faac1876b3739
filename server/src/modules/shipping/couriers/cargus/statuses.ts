import type { ShipmentStatus } from '../courier.js';

/**
 * Cargus' trace event ids (AwbTrace `EventId`) → our statuses. The ids come from copies of the
 * Cargus API documentation (second-hand, see docs/couriers/cargus.md); an id not listed here
 * reads as `in_transit` (the parcel moves, we do not know how) and keeps Cargus' own words.
 */
export const CARGUS_STATUSES: Readonly<Record<number, ShipmentStatus>> = {
  1: 'handed_over', // Preluat de curier (picked up from the sender)
  2: 'in_transit', // Sosit in depozitul expeditorului
  3: 'in_transit', // In tranzit spre depozitul destinatie
  4: 'in_transit', // Sosit in depozitul destinatie
  5: 'out_for_delivery', // In livrare (with the delivering courier)
  6: 'delivered', // Livrat / Confirmat
  7: 'refused', // Refuzat de destinatar
  8: 'returned', // Returnat expeditorului
  9: 'in_transit', // Destinatar absent — a new attempt follows
  10: 'out_for_delivery', // Sosit in punctul Ship & Go, asteapta ridicarea
  11: 'cancelled', // AWB anulat
  21: 'delivered', // Ridicat din punctul Ship & Go
};

export function cargusStatus(eventId: number): ShipmentStatus {
  return CARGUS_STATUSES[eventId] ?? 'in_transit';
}
