import type { ShipmentStatus } from '../courier.js';

/**
 * Sameday's status ids → our statuses. Only the ids the documentation names are here; a
 * final status (delivered, returned) comes only from this table, never from a guess.
 */
export const SAMEDAY_STATUS_IDS: Readonly<Record<number, ShipmentStatus>> = {
  1: 'created', // "AWB Emis"
  9: 'delivered',
  35: 'returned', // second-hand source: confirm on a real account
};

/**
 * Ids outside the table are read from the words of the status (Sameday writes them in
 * Romanian) — for the families that are not final, so a misread can never close a shipment.
 * Checked in order: "în livrare" before anything else that mentions delivery.
 */
export const SAMEDAY_STATUS_WORDS: readonly (readonly [RegExp, ShipmentStatus])[] = [
  [/[iî]n livrare|la curier pentru livrare/i, 'out_for_delivery'],
  [/refuz/i, 'refused'],
  [/tranzit|sortare|depozit|hub/i, 'in_transit'],
  [/ridicat|preluat|predat curierului/i, 'handed_over'],
];

/**
 * The status of one Sameday event, or null when neither the id nor the words say (the caller
 * then keeps the status the shipment had: an unknown event never moves it).
 */
export function samedayStatus(statusId: number, words: string): ShipmentStatus | null {
  const known = SAMEDAY_STATUS_IDS[statusId];
  if (known) return known;
  for (const [re, status] of SAMEDAY_STATUS_WORDS) if (re.test(words)) return status;
  return null;
}
