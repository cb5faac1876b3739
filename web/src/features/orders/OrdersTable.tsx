import { Anchor, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { OrderSummary } from '../../api/orders';
import { useFormat } from '../../shared/use-format';
import { StatusBadge } from './StatusBadge';
import { OrderCards } from './OrderCards';
import { PaymentBadges } from './PaymentBadges';

export interface OrdersListProps {
  orders: OrderSummary[];
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: (checked: boolean) => void;
}

/** The orders as a table; on a phone, as stacked cards (a table of ten columns scrolls sideways). */
export function OrdersTable(props: OrdersListProps) {
  const phone = useMediaQuery('(max-width: 48em)');
  return phone ? <OrderCards {...props} /> : <OrdersGrid {...props} />;
}

function OrdersGrid({ orders, selected, onToggle, onToggleAll }: OrdersListProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  // The order page's "back" link returns to this list with the same filters.
  const listState = { listSearch: useLocation().search };
  const allChecked = orders.length > 0 && orders.every((o) => selected.has(o.id));
  const someChecked = !allChecked && orders.some((o) => selected.has(o.id));

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="orders-table" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('orders.selectAll')}
                checked={allChecked}
                indeterminate={someChecked}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
                data-testid="orders-select-all"
              />
            </Table.Th>
            <Table.Th>{t('orders.col.number')}</Table.Th>
            <Table.Th>{t('orders.col.date')}</Table.Th>
            <Table.Th>{t('orders.col.customer')}</Table.Th>
            <Table.Th>{t('orders.col.city')}</Table.Th>
            <Table.Th>{t('orders.col.store')}</Table.Th>
            <Table.Th>{t('orders.col.status')}</Table.Th>
            <Table.Th>{t('orders.col.payment')}</Table.Th>
            <Table.Th ta="right">{t('orders.col.total')}</Table.Th>
            <Table.Th>{t('orders.col.packer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => (
            <Table.Tr
              key={o.id}
              data-testid="order-row"
              data-order-id={o.id}
              data-order-number={o.number}
              bg={selected.has(o.id) ? 'var(--mantine-color-blue-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                // Clicks on the checkbox or the link are handled by those controls.
                if ((e.target as HTMLElement).closest('a,input,label')) return;
                void navigate(`/orders/${o.id}`, { state: listState });
              }}
            >
              <Table.Td>
                <Checkbox
                  aria-label={t('orders.selectOrder', { number: o.number })}
                  checked={selected.has(o.id)}
                  onChange={() => onToggle(o.id)}
                  data-testid="order-select"
                />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/orders/${o.id}`}
                  state={listState}
                  fw={600}
                  data-testid="order-link"
                >
                  #{o.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {fmt.dateTime(o.created_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {o.customer_name || '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.customer_phone || o.customer_email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.shipping_city || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.store?.name ?? t('orders.manualStore')}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={o.status} />
              </Table.Td>
              <Table.Td>
                <PaymentBadges order={o} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {fmt.money(o.total, o.currency)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('orders.itemsCount', { count: o.items_count })}
                </Text>
              </Table.Td>
              <Table.Td>
                {o.packer ? (
                  <Text size="sm">{o.packer.name}</Text>
                ) : (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('orders.unassigned')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
