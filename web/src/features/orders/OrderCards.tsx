import { Anchor, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useFormat } from '../../shared/use-format';
import { PaymentBadges } from './PaymentBadges';
import { StatusBadge } from './StatusBadge';
import type { OrdersListProps } from './OrdersTable';

/**
 * The orders list on a phone: one stacked card per order with everything the table shows
 * (number, date, customer, city, store, status, payment, total, packer) and the same controls
 * (select, open). Nothing is wider than the screen.
 */
export function OrderCards({ orders, selected, onToggle, onToggleAll }: OrdersListProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const listState = { listSearch: useLocation().search };
  const allChecked = orders.length > 0 && orders.every((o) => selected.has(o.id));
  const someChecked = !allChecked && orders.some((o) => selected.has(o.id));
  return (
    <Stack gap={0} data-testid="orders-table" data-layout="cards">
      <Group
        px="sm"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Checkbox
          label={t('orders.selectAll')}
          checked={allChecked}
          indeterminate={someChecked}
          onChange={(e) => onToggleAll(e.currentTarget.checked)}
          data-testid="orders-select-all"
        />
      </Group>
      {orders.map((o) => (
        <Group
          key={o.id}
          data-testid="order-row"
          data-order-id={o.id}
          data-order-number={o.number}
          wrap="nowrap"
          align="flex-start"
          gap="sm"
          px="sm"
          py="xs"
          bg={selected.has(o.id) ? 'var(--mantine-color-blue-light)' : undefined}
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Checkbox
            mt={4}
            aria-label={t('orders.selectOrder', { number: o.number })}
            checked={selected.has(o.id)}
            onChange={() => onToggle(o.id)}
            data-testid="order-select"
          />
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" gap="xs">
              <Anchor
                component={Link}
                to={`/orders/${o.id}`}
                state={listState}
                fw={600}
                data-testid="order-link"
              >
                #{o.number}
              </Anchor>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {fmt.money(o.total, o.currency)}
              </Text>
            </Group>
            <UnstyledButton component={Link} to={`/orders/${o.id}`} state={listState}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {o.customer_name || '—'}
                {o.shipping_city ? ` · ${o.shipping_city}` : ''}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {fmt.dateTime(o.created_at)} · {o.store?.name ?? t('orders.manualStore')} ·{' '}
                {t('orders.itemsCount', { count: o.items_count })}
              </Text>
            </UnstyledButton>
            <Group gap={6}>
              <StatusBadge status={o.status} />
              <PaymentBadges order={o} />
            </Group>
            <Text
              size="xs"
              c={o.packer ? undefined : 'dimmed'}
              fs={o.packer ? undefined : 'italic'}
            >
              {t('orders.col.packer')}: {o.packer ? o.packer.name : t('orders.unassigned')}
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
