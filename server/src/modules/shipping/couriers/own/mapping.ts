import type { ShipmentStatus } from '../courier.js';

/** The own courier's key in the registry and its printed name. */
export const OWN_COURIER_KEY = 'own';
export const OWN_COURIER_NAME = 'Curier propriu';

/**
 * An own-courier AWB: the account's prefix and its sequence number, zero-padded to nine
 * digits so AWBs sort and scan alike ("ED000000042"). Code 128 carries letters and digits.
 */
export function formatOwnAwb(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(9, '0')}`;
}

/** What the shop may mark on an own-courier shipment, and the history code each leaves. */
export const OWN_MARKS = {
  handed_over: { code: 'OWN-HANDED', text: 'Predat curierului' },
  in_transit: { code: 'OWN-TRANSIT', text: 'În tranzit' },
  out_for_delivery: { code: 'OWN-OUT', text: 'În livrare' },
  delivered: { code: 'OWN-DELIVERED', text: 'Livrat' },
  refused: { code: 'OWN-REFUSED', text: 'Refuzat de destinatar' },
  returned: { code: 'OWN-RETURNED', text: 'Returnat expeditorului' },
} as const satisfies Partial<Record<ShipmentStatus, { code: string; text: string }>>;
export type OwnMark = keyof typeof OWN_MARKS;
export const OWN_MARK_KEYS = Object.keys(OWN_MARKS) as OwnMark[];
