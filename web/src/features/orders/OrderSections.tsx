import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address, OrderDetail } from '../../api/orders';
import { useFormat } from '../../shared/use-format';
import { RO_COUNTIES } from './counties';

const COUNTY_NAMES = new Map(RO_COUNTIES);

/** WooCommerce stores Romanian counties as codes ("CJ"); people read names ("Cluj"). */
const stateName = (a: Address) =>
  a.country === 'RO' || a.country === '' ? (COUNTY_NAMES.get(a.state) ?? a.state) : a.state;

export function Section({
  title,
  testId,
  children,
  extra,
}: {
  title: string;
  testId: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId} component="section">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

export function ItemsSection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('order.items')} testId="order-items">
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('order.product')}</Table.Th>
              <Table.Th>{t('order.sku')}</Table.Th>
              <Table.Th ta="right">{t('order.quantity')}</Table.Th>
              <Table.Th ta="right">{t('order.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('order.lineTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.items.map((item) => (
              <Table.Tr key={item.id} data-testid="order-item">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.name}
                  </Text>
                  {item.weight_kg !== null && (
                    <Text size="xs" c="dimmed">
                      {t('order.weight', { kg: item.weight_kg })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {item.sku || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{item.quantity}</Table.Td>
                <Table.Td ta="right">{fmt.money(item.unit_price, order.currency)}</Table.Td>
                <Table.Td ta="right">{fmt.money(item.total, order.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xl">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500}>
        {value}
      </Text>
    </Group>
  );
}

export function TotalsSection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const m = (v: string) => fmt.money(v, order.currency);
  return (
    <Section title={t('order.totals')} testId="order-totals">
      <Stack gap={6}>
        <Row label={t('order.subtotal')} value={m(order.subtotal)} />
        <Row
          label={
            order.shipping_lines.length
              ? `${t('order.shipping')} (${order.shipping_lines.map((l) => l.method_title).join(', ')})`
              : t('order.shipping')
          }
          value={m(order.shipping_total)}
        />
        {Number(order.discount_total) !== 0 && (
          <Row label={t('order.discount')} value={`−${m(order.discount_total)}`} />
        )}
        {Number(order.tax_total) !== 0 && <Row label={t('order.tax')} value={m(order.tax_total)} />}
        <Row label={t('order.total')} value={m(order.total)} strong />
      </Stack>
    </Section>
  );
}

export function PaymentSection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('order.payment')} testId="order-payment">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {order.payment_method_title || order.payment_method || '—'}
        </Text>
        <Group gap="xs">
          {order.is_cod && (
            <Badge color="yellow" variant="light">
              {t('orders.cod')}
            </Badge>
          )}
          <Badge color={order.paid ? 'green' : 'gray'} variant="light">
            {order.paid ? t('orders.paid') : t('orders.unpaid')}
          </Badge>
        </Group>
      </Stack>
    </Section>
  );
}

export function AddressSection({
  title,
  address,
  testId,
}: {
  title: string;
  address: Address;
  testId: string;
}) {
  const { t } = useTranslation();
  const name = [address.first_name, address.last_name].filter(Boolean).join(' ');
  const cityLine = [address.postcode, address.city].filter(Boolean).join(' ');
  const lines = [
    address.company,
    address.address_1,
    address.address_2,
    cityLine,
    [stateName(address), address.country].filter(Boolean).join(', '),
  ].filter(Boolean);
  const empty = !name && lines.length === 0;
  return (
    <Section title={title} testId={testId}>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('order.noAddress')}
        </Text>
      ) : (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          {lines.map((l) => (
            <Text size="sm" key={l}>
              {l}
            </Text>
          ))}
          {address.phone && (
            <Text size="sm" mt={4}>
              {t('order.phone')}: <a href={`tel:${address.phone}`}>{address.phone}</a>
            </Text>
          )}
          {address.email && (
            <Text size="sm">
              {t('order.email')}: <a href={`mailto:${address.email}`}>{address.email}</a>
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}
