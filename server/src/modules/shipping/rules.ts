import { toMinor } from '../../shared/money.js';
import type { ShippingRule, ShippingSettings } from './shipping-settings.js';

/** What a rule looks at in an order. */
export interface RuleFacts {
  storeId: number | null;
  shippingMethodIds: string[];
  cod: boolean;
  weightGrams: number;
  valueMinor: number;
}

/** Why a shipment got its courier and service: a code with parameters, rendered RO/EN. */
export interface ShipmentReason {
  code: 'shipping_rule' | 'shipping_default' | 'chosen_by_hand';
  params: Record<string, string | number>;
}

export interface CourierChoice {
  courier: string;
  service: string;
  reason: ShipmentReason;
}

const grams = (kg: string) => Math.round(Number(kg) * 1000);

function matches(r: ShippingRule, f: RuleFacts): boolean {
  if (r.store_ids.length && (f.storeId === null || !r.store_ids.includes(f.storeId))) return false;
  if (
    r.shipping_method_ids.length &&
    !f.shippingMethodIds.some((m) => r.shipping_method_ids.includes(m))
  )
    return false;
  if (r.cod !== null && r.cod !== f.cod) return false;
  if (r.min_weight_kg !== null && f.weightGrams < grams(r.min_weight_kg)) return false;
  if (r.max_weight_kg !== null && f.weightGrams > grams(r.max_weight_kg)) return false;
  if (r.min_value !== null && f.valueMinor < toMinor(r.min_value)) return false;
  if (r.max_value !== null && f.valueMinor > toMinor(r.max_value)) return false;
  return true;
}

/** The first matching rule's courier and service, else the defaults; pure. */
export function chooseCourier(s: ShippingSettings, f: RuleFacts): CourierChoice {
  const i = s.rules.findIndex((r) => matches(r, f));
  const rule = s.rules[i];
  if (rule)
    return {
      courier: rule.courier,
      service: rule.service,
      reason: { code: 'shipping_rule', params: { rule: i + 1, name: rule.name } },
    };
  return {
    courier: s.default_courier,
    service: s.default_service,
    reason: { code: 'shipping_default', params: {} },
  };
}
