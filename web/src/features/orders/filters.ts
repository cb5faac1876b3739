import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  ORDER_STATUSES,
  type OrderFilters,
  type OrderSort,
  type OrderStatus,
  type ShipmentStatus,
} from '../../api/orders';
import { dayBoundary } from '../../shared/format';

/** Payment filter choices: cash on delivery or not, or one payment method. */
export const PAYMENT_CHOICES = ['cod', 'prepaid', 'bacs', 'card'] as const;
export type PaymentChoice = (typeof PAYMENT_CHOICES)[number];

/** Shipping filter choices (the API's `shipping` parameter). */
export const SHIPPING_CHOICES = ['packed_no_awb', 'awb_not_handed_over'] as const;
export type ShippingChoice = (typeof SHIPPING_CHOICES)[number];
/** The unified tracking statuses an AWB can have (the API's `shipment_status`). */
export const SHIPMENT_STATUSES = [
  'created',
  'handed_over',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'refused',
  'returned',
  'cancelled',
] as const satisfies readonly ShipmentStatus[];

const SORTS: readonly OrderSort[] = ['-created_at', 'created_at', '-total', 'total'];

/** The Orders page's filters, kept in the URL so a reload or "back" keeps them. */
export interface FilterState {
  status: OrderStatus[];
  store: string | null;
  /** A packer id, or 'none' for unassigned orders. */
  packer: string | null;
  payment: PaymentChoice | null;
  /** Calendar days (YYYY-MM-DD) in the account's time zone. */
  from: string | null;
  to: string | null;
  q: string;
  /** A courier's registry key (e.g. own). */
  courier: string | null;
  shipmentStatus: ShipmentStatus[];
  shipping: ShippingChoice | null;
  sort: OrderSort;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parse(p: URLSearchParams): FilterState {
  const status = (p.get('status') ?? '')
    .split(',')
    .filter((s): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s));
  const payment = p.get('payment');
  const sort = p.get('sort');
  const from = p.get('from');
  const to = p.get('to');
  const shipping = p.get('shipping');
  const courier = p.get('courier');
  const shipmentStatus = (p.get('shipment_status') ?? '')
    .split(',')
    .filter((s): s is ShipmentStatus => (SHIPMENT_STATUSES as readonly string[]).includes(s));
  return {
    status,
    store: p.get('store'),
    packer: p.get('packer'),
    payment: (PAYMENT_CHOICES as readonly string[]).includes(payment ?? '')
      ? (payment as PaymentChoice)
      : null,
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    q: p.get('q') ?? '',
    courier: courier && /^[a-z0-9-]{1,40}$/.test(courier) ? courier : null,
    shipmentStatus,
    shipping: (SHIPPING_CHOICES as readonly string[]).includes(shipping ?? '')
      ? (shipping as ShippingChoice)
      : null,
    sort: SORTS.includes(sort as OrderSort) ? (sort as OrderSort) : '-created_at',
  };
}

function toParams(s: FilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.status.length) p.set('status', s.status.join(','));
  if (s.store) p.set('store', s.store);
  if (s.packer) p.set('packer', s.packer);
  if (s.payment) p.set('payment', s.payment);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.q.trim()) p.set('q', s.q);
  if (s.courier) p.set('courier', s.courier);
  if (s.shipmentStatus.length) p.set('shipment_status', s.shipmentStatus.join(','));
  if (s.shipping) p.set('shipping', s.shipping);
  if (s.sort !== '-created_at') p.set('sort', s.sort);
  return p;
}

export function useOrderFilters() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parse(params), [params]);
  const update = useCallback(
    (patch: Partial<FilterState>) =>
      setParams((old) => toParams({ ...parse(old), ...patch }), { replace: true }),
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active =
    state.status.length > 0 ||
    !!state.store ||
    !!state.packer ||
    !!state.payment ||
    !!state.from ||
    !!state.to ||
    !!state.courier ||
    state.shipmentStatus.length > 0 ||
    !!state.shipping ||
    !!state.q.trim();
  return { state, update, reset, active };
}

export function toApiFilters(s: FilterState, timeZone: string): OrderFilters {
  const storeId = Number(s.store);
  const packerId = Number(s.packer);
  return {
    status: s.status,
    store_id: s.store && Number.isInteger(storeId) ? storeId : null,
    packer_id:
      s.packer === 'none' ? 'none' : s.packer && Number.isInteger(packerId) ? packerId : null,
    cod: s.payment === 'cod' ? true : s.payment === 'prepaid' ? false : null,
    payment_method: s.payment === 'bacs' || s.payment === 'card' ? s.payment : null,
    created_from: s.from ? dayBoundary(s.from, timeZone) : null,
    created_to: s.to ? dayBoundary(s.to, timeZone, true) : null,
    q: s.q.trim(),
    courier: s.courier,
    shipment_status: s.shipmentStatus,
    shipping: s.shipping,
    sort: s.sort,
  };
}
