import type { CredentialField } from '../courier.js';

/**
 * FAN Courier, API v2 (the facts: /work/shared/reference/couriers.md, FAN's public v2 docs as
 * read through the open-source client daika7ana/fancourier-api-v2). FAN has no sandbox host:
 * its public shared test account runs on the production host, so `test_mode` changes nothing.
 */
export const FAN_KEY = 'fan';
export const FAN_NAME = 'FAN Courier';
export const FAN_HOST = 'https://api.fancourier.ro/';

/** The recipient's public tracking page at FAN. */
export const fanTrackingUrl = (awb: string) =>
  `https://www.fancourier.ro/awb-tracking/?tracking=${encodeURIComponent(awb)}`;

/**
 * A login at FAN: user and password of the FAN self-care account, and the client id (the
 * branch the AWBs are billed to) — not secret, but tied to the login, so it is kept with it.
 * `client_id` may also come from the courier account's options (the branch chosen after
 * Test connection); the options win.
 */
export const FAN_CREDENTIAL_FIELDS: readonly CredentialField[] = [
  { key: 'username', secret: false, required: true },
  { key: 'password', secret: true, required: true },
  { key: 'client_id', secret: false, required: true },
];

/** FAN's service names (the create request names the service by name, not by id). */
export const SERVICE_STANDARD = 'Standard';
export const SERVICE_COD = 'Cont Colector';
export const SERVICE_FANBOX = 'FANbox';
export const SERVICE_FANBOX_COD = 'FANbox Cont Colector';

/**
 * A service and its cash-on-delivery twin: FAN bills COD as a separate service ("Cont
 * Colector"), so a COD shipment must name the twin and a paid one the plain service. Services
 * not listed here are sent as named; with COD they are refused before the call.
 */
export const COD_TWIN: Readonly<Record<string, string>> = {
  [SERVICE_STANDARD]: SERVICE_COD,
  [SERVICE_FANBOX]: SERVICE_FANBOX_COD,
  CollectPoint: 'CollectPoint Cont Colector',
};

/** FAN's option letters in `info.options`. */
export const OPTION_SATURDAY = 'S';
/** "Deschidere la livrare": the recipient may open the parcel before paying. */
export const OPTION_OPEN_PACKAGE = 'A';

/** A FANbox compartment takes one parcel per AWB. */
export const FANBOX_MAX_PARCELS = 1;

/** Bank transfers (COD paid out) are read one day at a time, 100 per page (FAN's ceiling). */
export const PAGE_SIZE = 100;
/** A safety stop for a paged report: no day has this many pages of transfers. */
export const MAX_PAGES = 50;
/** findByReference reads the AWB list (borderou) of the days the AWB may have been made on. */
export const LOOKUP_DAYS = 2;
