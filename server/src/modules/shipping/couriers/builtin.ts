import type { Config } from '../../../config.js';
import type { Courier } from './courier.js';
import { cargusCourier } from './cargus/index.js';
import { dpdCourier } from './dpd/index.js';
import { fanCourier } from './fan/index.js';
import { glsCourier } from './gls/index.js';
import { samedayCourier } from './sameday/index.js';

/** What every courier adapter with an API is built from. */
export interface HttpCourierOptions {
  /** The operator's override of the courier's host (COURIER_BASE_URLS); absent: documented host. */
  baseUrl?: string;
  timeoutMs: number;
}

/**
 * The couriers with an API that this server offers, each built from its own folder. The own
 * courier is built in `buildApp` (it needs the database and the label renderer). One line per
 * courier: adding a courier is a folder and a line here.
 */
export function builtinCouriers(cfg: Config['couriers']): Courier[] {
  const optionsFor = (key: string): HttpCourierOptions => ({
    ...(cfg.baseUrls[key] && { baseUrl: cfg.baseUrls[key] }),
    timeoutMs: cfg.timeoutMs,
  });
  return [
    // One line each, so adding a courier never touches another's line.
    cargusCourier(optionsFor('cargus')),
    dpdCourier(optionsFor('dpd')),
    fanCourier(optionsFor('fan')),
    glsCourier(optionsFor('gls')),
    samedayCourier(optionsFor('sameday')),
  ];
}
