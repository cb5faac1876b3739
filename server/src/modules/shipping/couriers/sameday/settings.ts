import type { CredentialField } from '../courier.js';

// Facts from Sameday's public PHP SDK and API documentation (see docs/couriers/sameday.md);
// nothing here was checked against the live service, which cannot be reached from here.

export const SAMEDAY_KEY = 'sameday';
export const SAMEDAY_NAME = 'Sameday';

export const SAMEDAY_HOSTS = {
  production: 'https://api.sameday.ro',
  // The demo host has its own accounts: production credentials do not work there.
  test: 'https://sameday-api.demo.zitec.com',
} as const;

export const SAMEDAY_CREDENTIAL_FIELDS: readonly CredentialField[] = [
  { key: 'username', secret: false, required: true },
  { key: 'password', secret: true, required: true },
  { key: 'test_mode', secret: false, required: false },
];

/**
 * Non-secret choices for a Sameday login (context options; read from the credentials too,
 * so an account saved with them in one form works). Without a pickup point the account's
 * default pickup point and its default contact person are used.
 */
export const SAMEDAY_OPTION_FIELDS = ['pickup_point', 'contact_person', 'locker_service'] as const;
export type SamedayOption = (typeof SAMEDAY_OPTION_FIELDS)[number];

/** `packageType`: 0 parcel, 1 envelope, 2 large package — we always send parcels. */
export const PACKAGE_TYPE_PARCEL = 0;
/** `awbPayment`: 1 = the client (the shop) pays; 2 = the recipient (not in the reference: assumed). */
export const AWB_PAYMENT = { sender: 1, recipient: 2 } as const;

/** Lists are paged (`page`, `countPerPage`); a runaway answer stops after this many pages. */
export const PAGE_SIZE = 500;
export const MAX_PAGES = 40;

/**
 * The largest parcel an easybox takes. The lockers answer lists box sizes only by name, so
 * the limits of the largest box are a constant here (Sameday's public easybox terms, not the
 * API): checked before the AWB so the courier does not refuse the parcel at the locker.
 */
export const EASYBOX_MAX_SIZE_CM = { length: 61, width: 47, height: 44 };
export const EASYBOX_MAX_WEIGHT_GRAMS = 20_000;

/** The time zone Sameday writes its dates in (`expire_at` "Y-m-d H:i", status dates). */
export const SAMEDAY_TIME_ZONE = 'Europe/Bucharest';
