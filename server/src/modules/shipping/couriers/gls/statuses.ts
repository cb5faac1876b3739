import type { ShipmentStatus } from '../courier.js';

/**
 * GLS parcel status codes (the GLS track-and-trace codes as MyGLS `GetParcelStatuses` reports
 * them; *unverified* beyond the common ones, collected second-hand) → our statuses. A code not
 * in the table is "in transit": tracking goes on and the history keeps GLS's own words.
 */
export const GLS_STATUSES: Readonly<Record<string, ShipmentStatus>> = {
  '1': 'handed_over', // handed over to GLS
  '2': 'in_transit', // left the parcel center
  '3': 'in_transit', // reached the parcel center
  '4': 'out_for_delivery', // expected delivery during the day
  '5': 'delivered',
  '6': 'in_transit', // stored in the parcel center
  '7': 'in_transit', // stored
  '8': 'out_for_delivery', // ready for self-collection (ParcelShop)
  '9': 'in_transit', // stored for a new delivery date
  '11': 'in_transit', // consignee on holidays
  '12': 'in_transit', // consignee absent, notification card left
  '14': 'refused', // acceptance refused by the consignee
  '23': 'returned', // returned to the sender
  '32': 'in_transit', // will be delivered in the evening
  '40': 'returned', // returned to the sender (after failed deliveries)
  '51': 'created', // parcel data entered into the GLS system
  '52': 'created', // COD data entered
  '54': 'out_for_delivery', // in a parcel locker, waiting for the consignee
  '55': 'out_for_delivery', // at a ParcelShop, waiting for the consignee
  '58': 'delivered', // delivered at a neighbour's
};

export function glsStatus(code: string): ShipmentStatus {
  return GLS_STATUSES[code] ?? 'in_transit';
}
