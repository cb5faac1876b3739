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
import {
  IconBuildingStore,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconRefresh,
  IconSettings,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storeLifecycleApi } from '../../api/store-lifecycle';
import { storesApi, type Store } from '../../api/stores';
import { useSession } from '../auth/session';
import { PageHeader } from '../../shared/PageHeader';
import { EmptyState, errorMessage, QueryContent } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { AddStoreModal } from './AddStoreModal';
import { actionError } from './action-error';
import { storeBoundaryApi } from '../../api/store-boundary';
import { BoundaryBadges } from './BoundaryBadges';
import { DeadJobs } from './DeadJobs';
import { PausedBanner } from './PausedBanner';
import { RemoveStoreModal } from './RemoveStoreModal';
import { StoreSettingsModal } from './StoreSettingsModal';

const HEALTH_COLOR: Record<Store['health'], string> = {
  ok: 'green',
  syncing: 'blue',
  error: 'red',
  pending: 'gray',
  stalled: 'orange',
  paused: 'yellow',
  removed: 'gray',
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
      {store.health === 'stalled' && (
        <Text size="xs" c="orange" data-testid="store-stalled">
          {t('stores.stalledText')}
        </Text>
      )}
      {store.paused && (
        <Text size="xs" c="dimmed" data-testid="store-paused">
          {t(`stores.pausedReason.${store.paused.reason}`, {
            defaultValue: t('stores.pausedReason.owner'),
          })}
          {` · ${t('stores.since', { when: dateTime(store.paused.since) })}`}
        </Text>
      )}
      {store.error && (
        // Only the stored code, translated: a store's own answer may be a WordPress HTML page.
        <Text size="xs" c="red" lineClamp={2} data-testid="store-error">
          {t(`stores.errors.${store.error.code}`, { defaultValue: t('stores.errors.unknown') })}
          {store.error.since && ` · ${t('stores.since', { when: dateTime(store.error.since) })}`}
        </Text>
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
      <Progress
        value={pct}
        animated={store.health === 'syncing'}
        color={store.health === 'stalled' ? 'orange' : undefined}
        size="sm"
      />
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
      q.state.data?.items.some((s) => ['syncing', 'pending', 'stalled'].includes(s.health))
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
  const pauseResume = useMutation({
    mutationFn: ({ id, pause }: { id: number; pause: boolean }) =>
      pause ? storeLifecycleApi.pause(id) : storeLifecycleApi.resume(id),
    onSuccess: (_s, v) => {
      notifications.show({
        color: 'green',
        message: t(v.pause ? 'stores.pausedDone' : 'stores.resumedDone'),
      });
      void qc.invalidateQueries({ queryKey: ['stores'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: actionError(t, e) }),
  });
  // The store itself, not its id: once removed with its orders it leaves the list, and the
  // dialog must stay open to tell the owner what to do in WordPress.
  const [removing, setRemoving] = useState<Store | null>(null);
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
          <>
            <PausedBanner
              stores={data.items}
              canResume={isOwner}
              onResume={(id) => pauseResume.mutate({ id, pause: false })}
              resuming={pauseResume.isPending ? (pauseResume.variables.id ?? null) : null}
            />
            <Paper withBorder>
              <Table.ScrollContainer minWidth={860}>
                <Table verticalSpacing="sm" data-testid="stores-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('stores.store')}</Table.Th>
                      <Table.Th>{t('stores.connector')}</Table.Th>
                      <Table.Th>{t('stores.healthTitle')}</Table.Th>
                      <Table.Th>{t('stores.orders')}</Table.Th>
                      <Table.Th w={300} />
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
                            {s.health !== 'removed' && s.health !== 'paused' && (
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
                            )}
                            {isOwner && s.health !== 'removed' && (
                              <Button
                                size="xs"
                                variant="default"
                                leftSection={
                                  s.paused ? (
                                    <IconPlayerPlay size={14} />
                                  ) : (
                                    <IconPlayerPause size={14} />
                                  )
                                }
                                loading={pauseResume.isPending && pauseResume.variables.id === s.id}
                                onClick={() => pauseResume.mutate({ id: s.id, pause: !s.paused })}
                                data-testid={s.paused ? 'store-resume' : 'store-pause'}
                              >
                                {s.paused ? t('stores.resume') : t('stores.pause')}
                              </Button>
                            )}
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
                            {isOwner && (
                              <Tooltip label={t('stores.remove.open')}>
                                <ActionIcon
                                  variant="default"
                                  color="red"
                                  size="md"
                                  aria-label={t('stores.remove.open')}
                                  onClick={() => setRemoving(s)}
                                  data-testid="store-remove"
                                >
                                  <IconTrash size={16} />
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </>
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
      {removing && (
        <RemoveStoreModal key={removing.id} store={removing} onClose={() => setRemoving(null)} />
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
