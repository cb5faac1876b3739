import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { packersApi, type Packer } from '../../api/packers';
import { storesApi } from '../../api/stores';
import { PageHeader } from '../../shared/PageHeader';
import { EmptyState, errorMessage, QueryContent } from '../../shared/states';
import { scheduleSummary } from './schedule';
import { StationAddress } from './StationAddress';
import { UnlockPacker } from './UnlockPacker';

export function PackersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const packers = useQuery({ queryKey: ['packers'], queryFn: packersApi.list });
  const stores = useQuery({ queryKey: ['stores'], queryFn: storesApi.list });
  const storeName = (id: number) => stores.data?.items.find((s) => s.id === id)?.name ?? `#${id}`;
  const toggle = useMutation({
    mutationFn: (p: Packer) => packersApi.update(p.id, { active: !p.active }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['packers'] });
      notifications.show({
        color: 'green',
        message: p.active
          ? t('packers.activated', { name: p.name })
          : t('packers.deactivated', { name: p.name }),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  const add = (
    <Button
      component={Link}
      to="/packers/new"
      leftSection={<IconPlus size={16} />}
      data-testid="packer-new"
    >
      {t('packers.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('packers.title')} subtitle={t('packers.subtitle')} actions={add} />
      <StationAddress />
      <QueryContent
        query={packers}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Paper withBorder>
            <EmptyState
              icon={<IconUsers size={30} />}
              title={t('packers.emptyTitle')}
              description={t('packers.emptyText')}
              action={add}
              testId="packers-empty"
            />
          </Paper>
        }
      >
        {(data) => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="packers-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('packers.name')}</Table.Th>
                    <Table.Th>{t('packers.username')}</Table.Th>
                    <Table.Th>{t('packers.state')}</Table.Th>
                    <Table.Th ta="right">{t('packers.weight')}</Table.Th>
                    <Table.Th ta="right">{t('packers.load')}</Table.Th>
                    <Table.Th>{t('packers.stores')}</Table.Th>
                    <Table.Th>{t('packers.skills')}</Table.Th>
                    <Table.Th>{t('packers.shifts')}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id} data-testid="packer-row" opacity={p.active ? 1 : 0.6}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/packers/${p.id}`}
                          fw={600}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {p.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {p.username}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={p.active ? 'green' : 'gray'}
                          variant="light"
                          style={{ flexShrink: 0 }}
                          miw={80}
                        >
                          {p.active ? t('packers.active') : t('packers.inactive')}
                        </Badge>
                        <UnlockPacker packer={p} />
                      </Table.Td>
                      <Table.Td ta="right">{p.weight}</Table.Td>
                      <Table.Td ta="right">
                        {p.max_open_orders === null
                          ? p.open_orders
                          : `${p.open_orders} / ${p.max_open_orders}`}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {p.allowed_store_ids.length === 0
                            ? t('packers.allStores')
                            : p.allowed_store_ids.map(storeName).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.skills.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            p.skills.map((s) => (
                              <Badge key={s} size="sm" variant="outline">
                                {s}
                              </Badge>
                            ))
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{scheduleSummary(p.shifts, t)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              component={Link}
                              to={`/packers/${p.id}`}
                              aria-label={t('common.edit')}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip
                            label={p.active ? t('packers.deactivate') : t('packers.activate')}
                          >
                            <ActionIcon
                              variant="subtle"
                              color={p.active ? 'orange' : 'green'}
                              aria-label={
                                p.active ? t('packers.deactivate') : t('packers.activate')
                              }
                              loading={toggle.isPending && toggle.variables.id === p.id}
                              onClick={() => toggle.mutate(p)}
                              data-testid="packer-toggle"
                            >
                              {p.active ? (
                                <IconPlayerPause size={16} />
                              ) : (
                                <IconPlayerPlay size={16} />
                              )}
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
    </>
  );
}
