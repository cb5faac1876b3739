import type { ShipmentStatus } from '../courier.js';

/**
 * FAN's AWB event codes → our statuses. The first group is documented in the reference (with
 * FAN's own wording in the API's answers); the rest are FAN's published event list as the
 * public clients name them. A code missing here is kept in the history as `in_transit`:
 * an unknown code never ends tracking (no false "delivered").
 */
export const FAN_STATUSES: Readonly<Record<string, ShipmentStatus>> = {
  // Documented: picked up, sorted, in transit, destination depot, out for delivery, delivered.
  C0: 'handed_over',
  H3: 'in_transit',
  H10: 'in_transit',
  H1: 'in_transit',
  C1: 'out_for_delivery',
  S1: 'out_for_delivery',
  S2: 'delivered',
  // Depot and transit events.
  H0: 'in_transit',
  H2: 'in_transit',
  H4: 'in_transit',
  H11: 'in_transit',
  H12: 'in_transit',
  H13: 'in_transit',
  H15: 'in_transit',
  H17: 'in_transit',
  // Attempts that leave the parcel with the courier (notified, wrong address, later delivery).
  S3: 'in_transit',
  S4: 'in_transit',
  S5: 'in_transit',
  S9: 'in_transit',
  S10: 'in_transit',
  S11: 'in_transit',
  S12: 'in_transit',
  S14: 'in_transit',
  // Refusals: of the parcel, of the transport price, of the cash on delivery.
  S6: 'refused',
  S7: 'refused',
  S15: 'refused',
  // Returned to the sender.
  S16: 'returned',
  S43: 'returned',
};

export function fanStatus(code: string): ShipmentStatus {
  return FAN_STATUSES[code.trim().toUpperCase()] ?? 'in_transit';
}
