import type { TFunction } from 'i18next';
import type { Address, NewOrderBody } from '../../api/orders';
import { toDecimal } from '../../shared/format';
import { REQUIRED_ADDRESS_FIELDS, type AddressErrors } from './AddressFields';
import type { ItemLine } from './ItemsEditor';

export interface NewOrderForm {
  billing: Address;
  shipToDifferent: boolean;
  shipping: Address;
  lines: ItemLine[];
  shipping_total: string;
  discount_total: string;
  payment_method: string;
  paid: boolean;
  customer_note: string;
}

function trimAddress(a: Address): Address {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Address)[]) out[k] = out[k].trim();
  out.country = out.country.toUpperCase() || 'RO';
  return out;
}

/**
 * Empty optional fields are left out so the server applies its own defaults. The required
 * ones are not empty: `validateNewOrder` refuses the form before a body is built.
 */
function compact(a: Address): NewOrderBody['billing'] {
  return Object.fromEntries(
    Object.entries(a).filter(([, v]) => v !== ''),
  ) as NewOrderBody['billing'];
}

export function buildNewOrder(form: NewOrderForm, paymentTitle: string): NewOrderBody {
  const body: NewOrderBody = {
    billing: compact(trimAddress(form.billing)),
    items: form.lines.map((l) => ({
      ...(l.sku.trim() ? { sku: l.sku.trim() } : {}),
      name: l.name.trim(),
      quantity: l.quantity,
      unit_price: toDecimal(l.unit_price) ?? '0.00',
    })),
    payment_method: form.payment_method,
    paid: form.paid,
  };
  if (paymentTitle) body.payment_method_title = paymentTitle;
  if (form.shipToDifferent) body.shipping = compact(trimAddress(form.shipping));
  const shipping = toDecimal(form.shipping_total);
  if (shipping) body.shipping_total = shipping;
  const discount = toDecimal(form.discount_total);
  if (discount) body.discount_total = discount;
  if (form.customer_note.trim()) body.customer_note = form.customer_note.trim();
  return body;
}

function addressErrors(a: Address, t: TFunction): AddressErrors {
  const errors: AddressErrors = {};
  for (const key of REQUIRED_ADDRESS_FIELDS) {
    if (!a[key].trim()) errors[key] = t('newOrder.required');
  }
  if (a.phone.trim() && a.phone.trim().length < 6) errors.phone = t('newOrder.badPhone');
  if (a.email.trim() && !/^\S+@\S+\.\S+$/.test(a.email.trim()))
    errors.email = t('newOrder.badEmail');
  return errors;
}

export function validateNewOrder(form: NewOrderForm, t: TFunction) {
  const lines: Record<number, string> = {};
  const general: string[] = [];
  for (const l of form.lines) {
    if (!l.name.trim()) lines[l.key] = t('newOrder.required');
    else if (toDecimal(l.unit_price) === null) lines[l.key] = t('newOrder.badPrice');
    else if (!Number.isInteger(l.quantity) || l.quantity < 1)
      lines[l.key] = t('newOrder.badQuantity');
  }
  if (form.lines.length === 0) general.push(t('newOrder.noItems'));
  if (form.shipping_total && toDecimal(form.shipping_total) === null)
    general.push(t('newOrder.badShipping'));
  if (form.discount_total && toDecimal(form.discount_total) === null)
    general.push(t('newOrder.badDiscount'));
  return {
    billing: addressErrors(form.billing, t),
    shipping: form.shipToDifferent ? addressErrors(form.shipping, t) : {},
    lines,
    general,
  };
}
