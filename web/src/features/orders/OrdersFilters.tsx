import { Button, Group, MultiSelect, Paper, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderSort } from '../../api/orders';
import type { Packer } from '../../api/packers';
import type { Store } from '../../api/stores';
import { PAYMENT_CHOICES, SHIPMENT_STATUSES, SHIPPING_CHOICES, type FilterState } from './filters';

interface Props {
  state: FilterState;
  update: (patch: Partial<FilterState>) => void;
  reset: () => void;
  active: boolean;
  packers: Packer[];
  stores: Store[];
  couriers: { key: string; name: string }[];
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  // Follow outside changes (e.g. "clear filters") without fighting the user's typing.
  if (value !== last) {
    setLast(value);
    setText(value);
  }
  const debounced = useDebouncedCallback((q: string) => onSearch(q), 300);
  return (
    <TextInput
      placeholder={t('orders.searchPlaceholder')}
      aria-label={t('orders.search')}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => {
        const q = e.currentTarget.value;
        setText(q);
        debounced(q);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSearch(text);
      }}
      style={{ flex: '1 1 260px' }}
      data-testid="orders-search"
      type="search"
    />
  );
}

function DateRange(props: {
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
}) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[string | null, string | null]>([props.from, props.to]);
  const [last, setLast] = useState(`${props.from}/${props.to}`);
  if (`${props.from}/${props.to}` !== last) {
    setLast(`${props.from}/${props.to}`);
    setRange([props.from, props.to]);
  }
  return (
    <DatePickerInput
      type="range"
      allowSingleDateInRange
      aria-label={t('orders.filters.dates')}
      placeholder={t('orders.filters.dates')}
      value={range}
      onChange={([from, to]) => {
        setRange([from, to]);
        // Apply once the range is complete, or when it is cleared.
        if ((from && to) || (!from && !to)) props.onChange(from, to);
      }}
      clearable
      valueFormat="DD.MM.YYYY"
      w={230}
      data-testid="filter-dates"
    />
  );
}

export function OrdersFilters(props: Props) {
  const { state, update, reset, active, packers, stores, couriers } = props;
  const { t } = useTranslation();
  const sorts: { value: OrderSort; label: string }[] = [
    { value: '-created_at', label: t('orders.sort.newest') },
    { value: 'created_at', label: t('orders.sort.oldest') },
    { value: '-total', label: t('orders.sort.totalDesc') },
    { value: 'total', label: t('orders.sort.totalAsc') },
  ];
  return (
    <Paper withBorder p="sm" mb="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchBox value={state.q} onSearch={(q) => update({ q })} />
        <MultiSelect
          aria-label={t('orders.filters.status')}
          placeholder={state.status.length ? undefined : t('orders.filters.status')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={state.status}
          onChange={(v) => update({ status: v })}
          clearable
          w={220}
          data-testid="filter-status"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          aria-label={t('orders.filters.store')}
          placeholder={t('orders.filters.allStores')}
          data={stores.map((s) => ({ value: String(s.id), label: s.name }))}
          value={state.store}
          onChange={(v) => update({ store: v })}
          clearable
          nothingFoundMessage={t('orders.filters.noStores')}
          w={170}
          data-testid="filter-store"
        />
        <Select
          aria-label={t('orders.filters.packer')}
          placeholder={t('orders.filters.allPackers')}
          data={[
            { value: 'none', label: t('orders.filters.unassigned') },
            ...packers.map((p) => ({ value: String(p.id), label: p.name })),
          ]}
          value={state.packer}
          onChange={(v) => update({ packer: v })}
          clearable
          searchable
          w={180}
          data-testid="filter-packer"
        />
        <Select
          aria-label={t('orders.filters.payment')}
          placeholder={t('orders.filters.allPayments')}
          data={PAYMENT_CHOICES.map((p) => ({ value: p, label: t(`orders.payment.${p}`) }))}
          value={state.payment}
          onChange={(v) => update({ payment: v })}
          clearable
          w={190}
          data-testid="filter-payment"
        />
        <Select
          aria-label={t('orders.filters.shipping')}
          placeholder={t('orders.filters.shipping')}
          data={SHIPPING_CHOICES.map((c) => ({
            value: c,
            label: t(`orders.filters.shippingChoices.${c}`),
          }))}
          value={state.shipping}
          onChange={(v) => update({ shipping: v })}
          clearable
          w={220}
          data-testid="filter-shipping"
        />
        <Select
          aria-label={t('orders.filters.courier')}
          placeholder={t('orders.filters.allCouriers')}
          data={couriers.map((c) => ({ value: c.key, label: c.name }))}
          value={state.courier}
          onChange={(v) => update({ courier: v })}
          clearable
          w={170}
          data-testid="filter-courier"
        />
        <MultiSelect
          aria-label={t('orders.filters.shipmentStatus')}
          placeholder={state.shipmentStatus.length ? undefined : t('orders.filters.shipmentStatus')}
          data={SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`shipping.statuses.${s}`) }))}
          value={state.shipmentStatus}
          onChange={(v) => update({ shipmentStatus: v })}
          clearable
          w={220}
          data-testid="filter-shipment-status"
          comboboxProps={{ withinPortal: true }}
        />
        <DateRange from={state.from} to={state.to} onChange={(from, to) => update({ from, to })} />
        <Select
          aria-label={t('orders.sort.label')}
          data={sorts}
          value={state.sort}
          onChange={(v) => v && update({ sort: v })}
          allowDeselect={false}
          w={190}
          data-testid="orders-sort"
        />
        {active && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} />}
            onClick={reset}
            data-testid="filters-reset"
          >
            {t('orders.filters.reset')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
