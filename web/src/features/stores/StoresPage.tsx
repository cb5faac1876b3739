import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingStore, IconPlus, IconRefresh, IconSettings } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storesApi, type Store } from '../../api/stores';
import { useSession } from '../auth/session';
import { PageHeader } from '../../shared/PageHeader';
import { EmptyState, errorMessage, QueryContent } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { AddStoreModal } from './AddStoreModal';
import { DeadJobs } from './DeadJobs';
import { BoundaryBadges } from './BoundaryBadges';
import { storeBoundaryApi } from '../../api/store-boundary';
import { StoreSettingsModal } from './StoreSettingsModal';

const HEALTH_COLOR: Record<Store['health'], string> = {
  ok: 'green',
  syncing: 'blue',
  error: 'red',
  pending: 'gray',
};

/** The store's health at a glance: state, last good sync, and when something is wrong, why and since when. */
function Health({ store }: { store: Store }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={HEALTH_COLOR[store.health]} variant="light" data-testid="store-health">
          {t(`stores.health.${store.health}`)}
        </Badge>
        {store.last_sync_at && (
          <Text size="xs" c="dimmed">
            {t('stores.lastSync', { when: dateTime(store.last_sync_at) })}
          </Text>
        )}
      </Group>
      {store.error && (
        <Tooltip label={store.error.message} multiline w={360}>
          <Text size="xs" c="red" lineClamp={2} data-testid="store-error">
            {t(`stores.errors.${store.error.code}`, { defaultValue: store.error.message })}
            {store.error.since && ` · ${t('stores.since', { when: dateTime(store.error.since) })}`}
          </Text>
        </Tooltip>
      )}
    </Stack>
  );
}

/** Progress of the first sync (how far back it has read), then just the count of orders. */
function FirstSync({ store }: { store: Store }) {
  const { t } = useTranslation();
  if (store.first_sync.done) return <Text size="sm">{store.orders_count}</Text>;
  const pct = store.first_sync.progress_pct ?? 0;
  return (
    <Stack gap={4} miw={160} data-testid="first-sync">
      <Progress value={pct} animated={store.health === 'syncing'} size="sm" />
      <Text size="xs" c="dimmed">
        {t('stores.firstSync', { pct, count: store.first_sync.orders_so_far })}
      </Text>
    </Stack>
  );
}

export function StoresPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  // Poll quickly while a sync runs (first-sync progress) and for a while after Sync now.
  const [watchUntil, setWatchUntil] = useState(0);
  const stores = useQuery({
    queryKey: ['stores'],
    queryFn: storesApi.list,
    refetchInterval: (q) =>
      Date.now() < watchUntil ||
      q.state.data?.items.some((s) => s.health === 'syncing' || s.health === 'pending')
        ? 2000
        : 30_000,
  });
  // Orders that disagree with the store or could not be stored: a count per store.
  const boundary = useQuery({
    queryKey: ['stores', 'boundary'],
    queryFn: storeBoundaryApi.counts,
    refetchInterval: 30_000,
  });
  const syncNow = useMutation({
    mutationFn: (id: number) => storesApi.syncNow(id),
    onSuccess: () => {
      setWatchUntil(Date.now() + 30_000);
      notifications.show({ color: 'green', message: t('stores.syncQueued') });
      void qc.invalidateQueries({ queryKey: ['stores'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const isOwner = user.role === 'owner';
  const editing = stores.data?.items.find((s) => s.id === editingId);
  const add = isOwner ? (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setAdding(true)}
      data-testid="store-add"
    >
      {t('stores.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('stores.title')} subtitle={t('stores.subtitle')} actions={add} />
      <QueryContent
        query={stores}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Paper withBorder>
            <EmptyState
              icon={<IconBuildingStore size={30} />}
              title={t('stores.emptyTitle')}
              description={t('stores.emptyText')}
              action={add}
              testId="stores-empty"
            />
          </Paper>
        }
      >
        {(data) => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" data-testid="stores-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('stores.store')}</Table.Th>
                    <Table.Th>{t('stores.connector')}</Table.Th>
                    <Table.Th>{t('stores.healthTitle')}</Table.Th>
                    <Table.Th>{t('stores.orders')}</Table.Th>
                    <Table.Th w={180} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((s) => (
                    <Table.Tr key={s.id} data-testid="store-row">
                      <Table.Td>
                        <Text fw={600}>{s.name}</Text>
                        <Anchor href={s.url} target="_blank" rel="noreferrer" size="xs">
                          {s.url}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {s.connector === 'woocommerce-rest'
                            ? t('stores.kindRest')
                            : t('stores.kindPlugin')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Health store={s} />
                        <BoundaryBadges
                          counts={boundary.data?.stores.find((b) => b.store_id === s.id)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <FirstSync store={s} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconRefresh size={14} />}
                            loading={syncNow.isPending && syncNow.variables === s.id}
                            onClick={() => syncNow.mutate(s.id)}
                            data-testid="store-sync-now"
                          >
                            {t('stores.syncNow')}
                          </Button>
                          <Tooltip label={t('stores.settings.open')}>
                            <ActionIcon
                              variant="default"
                              size="md"
                              aria-label={t('stores.settings.open')}
                              onClick={() => setEditingId(s.id)}
                              data-testid="store-settings"
                            >
                              <IconSettings size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryContent>
      <DeadJobs />
      {isOwner && (
        <AddStoreModal
          opened={adding}
          onClose={() => setAdding(false)}
          defaults={stores.data?.defaults}
        />
      )}
      {editing && (
        <StoreSettingsModal
          key={editing.id}
          store={editing}
          defaults={stores.data?.defaults}
          onClose={() => setEditingId(null)}
        />
      )}
    </>
  );
}
