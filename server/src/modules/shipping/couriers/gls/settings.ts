import type { CourierService, CredentialField } from '../courier.js';

/**
 * GLS Romania, MyGLS JSON API ("MyGLS API for system integration"; second-hand copies and the
 * public SDKs webapix/mygls-sdk, digicode-kft/mygls-sdk). Every call is a POST of a JSON body
 * to `ParcelService.svc/json/<Method>` carrying the username and the password's SHA-512 digest;
 * errors come back as lists inside an HTTP 200. Routing is by postal code and city name: GLS
 * has no locality ids, so `UnifiedShipment.destination` is not needed.
 */
export const GLS_KEY = 'gls';
export const GLS_NAME = 'GLS';

export const GLS_HOSTS = {
  production: 'https://api.mygls.ro/ParcelService.svc/json/',
  test: 'https://api.test.mygls.ro/ParcelService.svc/json/',
} as const;

export const GLS_CREDENTIALS: readonly CredentialField[] = [
  { key: 'username', secret: false, required: true },
  { key: 'password', secret: true, required: true },
  { key: 'client_number', secret: false, required: true },
  { key: 'test_mode', secret: false, required: false },
];

/**
 * The services a shop chooses between. MyGLS has no call that lists them: the contract says
 * which are active. `PSD` (ParcelShop delivery) sends the parcel to a GLS ParcelShop or locker
 * whose id travels in the service's `StringValue`.
 */
export const GLS_SERVICES: readonly CourierService[] = [
  { id: 'standard', name: 'GLS Standard', locker: false },
  { id: 'PSD', name: 'GLS ParcelShop / Locker', locker: true },
];

/**
 * Error codes MyGLS uses for a refused login (*unverified*: the list in the integration
 * document's appendix, as quoted second-hand). Any of these stops further calls with the same
 * credentials for a while: GLS locks an account after about five failed logins.
 */
export const GLS_LOGIN_ERROR_CODES: ReadonlySet<number> = new Set([14, 27]);

/** How far back the parcel list is read to find a parcel by our reference or its number. */
export const GLS_LOOKBACK_DAYS = 30;

/** Label layouts (`TypeOfPrinter`): one label per 10×15 cm page, or four on an A4 sheet. */
export const GLS_PRINTERS = { a6: 'Thermo', a4x4: 'A4_2x2' } as const;
