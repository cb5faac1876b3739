import { Anchor, Badge, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ordersApi } from '../../api/orders';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorState, PageLoader } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { AssignmentsSection, AuditSection } from './OrderHistory';
import { WrongScansSection } from './WrongScans';
import { ShipmentsSection } from './ShipmentsSection';
import { PackingErrorButton } from '../penalties/PackingErrorButton';
import {
  AddressSection,
  ItemsSection,
  PaymentSection,
  Section,
  TotalsSection,
} from './OrderSections';
import { StatusBadge } from './StatusBadge';
import { useLiveEvents } from '../../shared/use-live-events';
import { ChangePackerButton } from '../distribution/ChangePackerButton';
import { StorePushAlerts } from './StorePushAlerts';
import { OrderCodSection } from '../cod/OrderCodSection';

export function OrderPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = Number(useParams().id);
  const listSearch = (useLocation().state as { listSearch?: string } | null)?.listSearch ?? '';
  const order = useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: () => ordersApi.get(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  useLiveEvents([['orders', 'detail', id]]);

  const back = (
    <Anchor component={Link} to={`/orders${listSearch}`} size="sm" data-testid="back-to-orders">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('order.back')}
      </Group>
    </Anchor>
  );

  if (!Number.isInteger(id) || id <= 0)
    return (
      <Stack>
        {back}
        <ErrorState error={new Error(t('order.badId'))} />
      </Stack>
    );
  if (order.isPending) return <PageLoader />;
  if (order.isError)
    return (
      <Stack>
        {back}
        <ErrorState error={order.error} onRetry={() => void order.refetch()} />
      </Stack>
    );

  const o = order.data;
  return (
    <Stack gap="md" data-testid="order-detail">
      {back}
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="order-title">{t('order.title', { number: o.number })}</span>
            <StatusBadge status={o.status} />
          </Group>
        }
        subtitle={
          <>
            {fmt.dateTime(o.created_at)} · {o.store?.name ?? t('orders.manualStore')} ·{' '}
            {t(`order.source.${o.source}`, { defaultValue: o.source })}
          </>
        }
        actions={
          <>
            <ChangePackerButton order={o} />
            <PackingErrorButton order={o} />
            <Paper withBorder px="md" py="xs">
              <Text size="xs" c="dimmed">
                {t('order.packer')}
              </Text>
              <Text fw={600} data-testid="order-packer">
                {o.packer?.name ?? t('orders.unassigned')}
              </Text>
            </Paper>
          </>
        }
      />
      <StorePushAlerts orderId={o.id} order={o} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <ItemsSection order={o} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <AddressSection
                  title={t('order.billing')}
                  address={o.billing}
                  testId="order-billing"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <AddressSection
                  title={t('order.shippingAddress')}
                  address={o.shipping}
                  testId="order-shipping"
                />
              </Grid.Col>
            </Grid>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <TotalsSection order={o} />
            <PaymentSection order={o} />
            {o.customer_note && (
              <Section title={t('order.customerNote')} testId="order-note">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {o.customer_note}
                </Text>
              </Section>
            )}
            {o.store_status && (
              <Text size="xs" c="dimmed" component="div">
                {t('order.storeStatus')}:{' '}
                <Badge size="xs" variant="outline">
                  {o.store_status}
                </Badge>
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <ShipmentsSection orderId={o.id} status={o.status} />
      <OrderCodSection orderId={o.id} />
      <AssignmentsSection order={o} />
      <WrongScansSection scans={o.wrong_scans} />
      <AuditSection order={o} />
    </Stack>
  );
}
