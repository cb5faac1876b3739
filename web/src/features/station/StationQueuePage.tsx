import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconCheck, IconPackage, IconScan } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, ErrorState, PageLoader, errorMessage } from '../../shared/states';
import { StatusBadge } from '../orders/StatusBadge';
import { StationHeader } from './StationHeader';
import { QUEUE_KEY, stationApi, type QueueItem } from './station-api';
import { useLiveEvents } from '../../shared/use-live-events';

/** The packer's own queue: confirm (take) an order, then open it to scan. */
export function StationQueuePage() {
  const { t } = useTranslation();
  const queue = useQuery({ queryKey: QUEUE_KEY, queryFn: stationApi.queue });
  useLiveEvents([QUEUE_KEY]);
  return (
    <Box mih="100vh" bg="gray.0">
      <StationHeader />
      <Stack px="md" pb="xl" maw={900} mx="auto">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            <Title order={2}>{t('station.queueTitle')}</Title>
            {queue.data && (
              <Badge size="xl" variant="light" data-testid="queue-count">
                {queue.data.items.length}
              </Badge>
            )}
          </Group>
          {/* A link (Tab + Enter reaches it): the packer's own week and month, penalties too. */}
          <Button
            component={Link}
            to="/station/record"
            size="lg"
            variant="light"
            leftSection={<IconChartBar />}
            data-testid="station-record"
          >
            {t('station.record.open')}
          </Button>
        </Group>
        {queue.isPending && <PageLoader />}
        {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
        {queue.data?.items.length === 0 && (
          <EmptyState
            icon={<IconPackage size={30} />}
            title={t('station.queueEmptyTitle')}
            description={t('station.queueEmptyText')}
            testId="station-empty"
          />
        )}
        {queue.data?.items.map((o) => (
          <QueueCard key={o.id} order={o} />
        ))}
      </Stack>
    </Box>
  );
}

function QueueCard({ order }: { order: QueueItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const confirm = useMutation({
    mutationFn: () => stationApi.confirm(order.id),
    onSuccess: () => void navigate(`/station/orders/${order.id}`),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: QUEUE_KEY }),
  });
  return (
    <Card withBorder padding="lg" radius="md" data-testid="queue-order" data-order-id={order.id}>
      <Group justify="space-between" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Text fw={800} size="xl">
              #{order.number}
            </Text>
            <StatusBadge status={order.status} />
            {order.is_cod && (
              <Badge color="orange" variant="light">
                {t('station.cod')}
              </Badge>
            )}
          </Group>
          <Text size="lg">
            {order.customer_name} · {order.shipping_city}
          </Text>
          <Text c="dimmed">{t('station.units', { count: order.items_count })}</Text>
          {order.customer_note && (
            <Text size="sm" c="orange.8">
              {order.customer_note}
            </Text>
          )}
        </Stack>
        {order.status === 'assigned' ? (
          <Button
            size="xl"
            h={72}
            miw={200}
            leftSection={<IconCheck />}
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
            data-testid="confirm-order"
          >
            {t('station.confirm')}
          </Button>
        ) : (
          <Button
            size="xl"
            h={72}
            miw={200}
            color="violet"
            leftSection={<IconScan />}
            onClick={() => void navigate(`/station/orders/${order.id}`)}
            data-testid="open-order"
          >
            {t('station.open')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
