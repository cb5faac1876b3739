import { Button, Center, Group, Paper, Text } from '@mantine/core';
import { IconPackage, IconPlus, IconUserShare } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ordersApi } from '../../api/orders';
import { packersApi } from '../../api/packers';
import { shipmentsApi } from '../../api/shipments';
import { storesApi } from '../../api/stores';
import { PageHeader } from '../../shared/PageHeader';
import { EmptyState, ErrorState, PageLoader } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { BulkAssignModal } from './BulkAssignModal';
import { BulkAwbButton } from './BulkAwbButton';
import { BulkDocumentsButton } from './BulkDocumentsButton';
import { toApiFilters, useOrderFilters } from './filters';
import { OrdersFilters } from './OrdersFilters';
import { OrdersTable } from './OrdersTable';
import { useLiveEvents } from '../../shared/use-live-events';
import { DistributeButton } from '../distribution/DistributeButton';
import { DailySummaryCard } from '../reports/DailySummaryCard';

export function OrdersPage() {
  const { t } = useTranslation();
  const { timezone } = useFormat();
  const { state, update, reset, active } = useOrderFilters();
  const filters = useMemo(() => toApiFilters(state, timezone), [state, timezone]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [assigning, setAssigning] = useState(false);

  const packers = useQuery({ queryKey: ['packers'], queryFn: packersApi.list });
  const stores = useQuery({ queryKey: ['stores'], queryFn: storesApi.list });
  const couriers = useQuery({ queryKey: ['couriers'], queryFn: shipmentsApi.couriers });
  const orders = useInfiniteQuery({
    queryKey: ['orders', 'list', filters],
    queryFn: ({ pageParam }) => ordersApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: (prev) => prev,
  });
  // Orders that arrive or change elsewhere (store sync, packer stations) refresh the table.
  useLiveEvents([['orders'], ['packers']]);
  const rows = useMemo(() => orders.data?.pages.flatMap((p) => p.items) ?? [], [orders.data]);

  const changeFilters: typeof update = (patch) => {
    setSelected(new Set());
    update(patch);
  };
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (checked: boolean) =>
    setSelected(checked ? new Set(rows.map((o) => o.id)) : new Set());

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        actions={
          <Button
            component={Link}
            to="/orders/new"
            leftSection={<IconPlus size={16} />}
            data-testid="new-order"
          >
            {t('orders.new')}
          </Button>
        }
      />
      <DailySummaryCard />
      <OrdersFilters
        state={state}
        update={changeFilters}
        reset={() => {
          setSelected(new Set());
          reset();
        }}
        active={active}
        packers={packers.data?.items ?? []}
        stores={stores.data?.items ?? []}
        couriers={couriers.data?.items ?? []}
      />
      {selected.size > 0 && (
        <Paper withBorder p="xs" mb="sm" bg="blue.0" data-testid="bulk-bar">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {t('orders.selectedCount', { count: selected.size })}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Button variant="subtle" size="xs" onClick={() => setSelected(new Set())}>
                {t('orders.clearSelection')}
              </Button>
              <DistributeButton orderIds={[...selected]} onDone={() => setSelected(new Set())} />
              <BulkAwbButton orderIds={[...selected]} onDone={() => setSelected(new Set())} />
              <BulkDocumentsButton orderIds={[...selected]} />
              <Button
                size="xs"
                leftSection={<IconUserShare size={16} />}
                onClick={() => setAssigning(true)}
                data-testid="bulk-assign"
              >
                {t('orders.assignTo')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {orders.isPending ? (
        <PageLoader />
      ) : orders.isError && rows.length === 0 ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : rows.length === 0 ? (
        <Paper withBorder>
          {active ? (
            <EmptyState
              title={t('orders.noMatchTitle')}
              description={t('orders.noMatchText')}
              action={
                <Button variant="light" onClick={reset}>
                  {t('orders.filters.reset')}
                </Button>
              }
              testId="orders-empty"
            />
          ) : (
            <EmptyState
              icon={<IconPackage size={30} />}
              title={t('orders.emptyTitle')}
              description={t('orders.emptyText')}
              action={
                <Button component={Link} to="/orders/new" leftSection={<IconPlus size={16} />}>
                  {t('orders.new')}
                </Button>
              }
              testId="orders-empty"
            />
          )}
        </Paper>
      ) : (
        <Paper withBorder style={{ opacity: orders.isPlaceholderData ? 0.6 : 1 }}>
          {orders.isError && <ErrorState error={orders.error} />}
          <OrdersTable
            orders={rows}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
          />
          <Center p="sm">
            {orders.hasNextPage ? (
              <Button
                variant="light"
                loading={orders.isFetchingNextPage}
                onClick={() => void orders.fetchNextPage()}
                data-testid="orders-load-more"
              >
                {t('orders.loadMore')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed" data-testid="orders-end">
                {t('orders.shown', { count: rows.length })}
              </Text>
            )}
          </Center>
        </Paper>
      )}
      <BulkAssignModal
        opened={assigning}
        orderIds={[...selected]}
        packers={packers.data?.items ?? []}
        onClose={() => setAssigning(false)}
        onDone={(r) => setSelected((s) => new Set([...s].filter((id) => !r.updated.includes(id))))}
      />
    </>
  );
}
