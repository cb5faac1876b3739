import type { CredentialField } from '../courier.js';

/**
 * DPD Romania (Web API v1 of the Speedy platform), as documented second-hand (see
 * docs/couriers/dpd.md). No sandbox is documented: `test_mode` changes nothing here.
 */
export const DPD_KEY = 'dpd';
export const DPD_NAME = 'DPD Romania';
export const DPD_HOST = 'https://api.dpd.ro/v1';

/** No token: the user name and password go in every JSON body. */
export const DPD_CREDENTIALS: readonly CredentialField[] = [
  { key: 'username', secret: false, required: true },
  { key: 'password', secret: true, required: true },
  // The sender (one of the contract's clients, from Test connection); empty: the user's own.
  { key: 'client_id', secret: false, required: false },
  // The contract's service for door delivery; empty: DPD Standard.
  { key: 'service_id', secret: false, required: false },
];

/** "DPD Standard" on most contracts (the reference says: verify per contract). */
export const DEFAULT_SERVICE_ID = 2505;
/** Romania in DPD's nomenclature. */
export const ROMANIA = 642;
/** The tracking call takes at most this many parcels. */
export const TRACK_BATCH = 10;

export const trackingUrlOf = (awb: string) =>
  `https://tracking.dpd.ro/?shipmentNumber=${encodeURIComponent(awb)}&language=ro`;
