import type { CourierService, CredentialField } from '../courier.js';

/**
 * Cargus (UrgentOnline API v3), as documented second-hand (see docs/couriers/cargus.md): no
 * test host is documented, so `test_mode` changes nothing here — an operator points
 * COURIER_BASE_URLS at a test host when Cargus gives one.
 */
export const CARGUS_KEY = 'cargus';
export const CARGUS_NAME = 'Cargus';
export const CARGUS_HOST = 'https://urgentcargus.azure-api.net/api';

/** The login: the API subscription key (every call) and the user of the UrgentOnline account. */
export const CARGUS_CREDENTIALS: readonly CredentialField[] = [
  { key: 'subscription_key', secret: true, required: true },
  { key: 'username', secret: false, required: true },
  { key: 'password', secret: true, required: true },
  // The pickup point (Sender.LocationId from PickupLocations); chosen after Test connection.
  { key: 'location_id', secret: false, required: false },
];

/** Non-secret choices read from the context's options (or, until stored apart, the login). */
export const CARGUS_OPTIONS = ['location_id', 'service_id'] as const;

/** The token lives 24 h; the answer does not say, so the documented lifetime is used. */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/** Services by weight (the documented rule) and the Ship & Go locker service. */
export const SERVICE_STANDARD = 34;
export const SERVICE_HEAVY = 35;
export const SERVICE_PALLET = 50;
export const SERVICE_SHIP_AND_GO = 38;
export const SERVICES: readonly CourierService[] = [
  { id: String(SERVICE_STANDARD), name: 'Economic Standard (≤ 31 kg)', locker: false },
  { id: String(SERVICE_HEAVY), name: 'Standard Plus (31–50 kg)', locker: false },
  { id: String(SERVICE_PALLET), name: 'Palet Standard (> 50 kg)', locker: false },
  { id: String(SERVICE_SHIP_AND_GO), name: 'Ship & Go (PUDO)', locker: true },
];

/** Ship & Go lockers take parcels up to this weight (Cargus' published limit, second-hand). */
export const LOCKER_MAX_GRAMS = 31_000;

/** Cargus' public tracking page. */
export const trackingUrlOf = (awb: string) =>
  `https://www.cargus.ro/personal/urmareste-coletul/?tracking_number=${encodeURIComponent(awb)}`;
