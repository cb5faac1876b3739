import { Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsShuffle, IconInbox } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { EmptyState, ErrorState, PageLoader, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { useLiveEvents } from '../../shared/use-live-events';
import { SETTINGS_KEY, UNASSIGNED_KEY, distributionApi } from './distribution-api';
import { SettingsTable } from './SettingsTable';
import { reasonText } from '../../shared/reason-text';

/** How orders are handed out, and the orders nobody could take yet. */
export function DistributionPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: distributionApi.settings });
  return (
    <Stack gap="md">
      <PageHeader title={t('distribution.title')} subtitle={t('distribution.subtitle')} />
      {settings.isPending && <PageLoader />}
      {settings.isError && (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.data && <SettingsTable settings={settings.data} />}
      <UnassignedQueue />
    </Stack>
  );
}

function UnassignedQueue() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const queue = useQuery({ queryKey: UNASSIGNED_KEY, queryFn: distributionApi.unassigned });
  useLiveEvents([UNASSIGNED_KEY]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const items = queue.data?.items ?? [];
  // Nothing ticked: the button offers every listed order and says so (it read "0 orders"
  // while five were listed).
  const ids = selected.size ? [...selected] : items.map((i) => i.order_id);
  const distribute = useMutation({
    mutationFn: () => distributionApi.distribute(ids),
    onSuccess: (r) => {
      setSelected(new Set());
      notifications.show({
        color: r.assigned.length ? 'green' : 'orange',
        message: t('distribution.result', {
          assigned: r.assigned.length,
          waiting: r.unassigned.length,
        }),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () =>
      qc
        .invalidateQueries({ queryKey: ['orders'] })
        .then(() => qc.invalidateQueries({ queryKey: UNASSIGNED_KEY })),
  });
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={4}>{t('distribution.unassignedTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('distribution.unassignedHelp')}
          </Text>
        </div>
        <Button
          leftSection={<IconArrowsShuffle size={18} />}
          disabled={ids.length === 0}
          loading={distribute.isPending}
          onClick={() => distribute.mutate()}
          data-testid="distribute-selected"
        >
          {selected.size
            ? t('distribution.distribute', { count: selected.size })
            : t('distribution.distributeAll', { count: items.length })}
        </Button>
      </Group>
      {queue.isPending && <PageLoader />}
      {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && items.length === 0 && (
        <EmptyState
          icon={<IconInbox size={30} />}
          title={t('distribution.unassignedEmpty')}
          testId="unassigned-empty"
        />
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="unassigned-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('distribution.selectAll')}
                    checked={selected.size === items.length}
                    indeterminate={selected.size > 0 && selected.size < items.length}
                    onChange={(e) =>
                      setSelected(
                        e.currentTarget.checked ? new Set(items.map((i) => i.order_id)) : new Set(),
                      )
                    }
                  />
                </Table.Th>
                <Table.Th>{t('distribution.order')}</Table.Th>
                <Table.Th>{t('distribution.source')}</Table.Th>
                <Table.Th>{t('distribution.reason')}</Table.Th>
                <Table.Th>{t('distribution.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.order_id} data-testid="unassigned-row">
                  <Table.Td>
                    <Checkbox
                      aria-label={i.number}
                      checked={selected.has(i.order_id)}
                      onChange={() => toggle(i.order_id)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${i.order_id}`} fw={600}>
                      {i.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {i.customer_name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.store?.name ?? t('distribution.manualOrders')}</Table.Td>
                  <Table.Td data-testid="unassigned-reason">{reasonText(i.reason, t)}</Table.Td>
                  <Table.Td>{fmt.dateTime(i.since)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
