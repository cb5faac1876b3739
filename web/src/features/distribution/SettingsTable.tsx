import { Button, Paper, Select, Switch, Table, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { errorMessage } from '../../shared/states';
import {
  SETTINGS_KEY,
  STRATEGY_KEYS,
  distributionApi,
  type DistributionSettings,
  type StrategyKey,
} from './distribution-api';

interface Row {
  storeId: number | null;
  name: string;
  strategy: StrategyKey;
  enabled: boolean;
  statuses: string[] | null;
}

/** One row per store plus the account default for manual orders; each row saves itself. */
export function SettingsTable({ settings }: { settings: DistributionSettings }) {
  const { t } = useTranslation();
  const rows: Row[] = [
    { storeId: null, name: t('distribution.manualOrders'), ...settings.manual, statuses: null },
    ...settings.stores.map((s) => ({
      storeId: s.store_id,
      name: s.store_name,
      strategy: s.strategy,
      enabled: s.enabled,
      statuses: s.store_statuses,
    })),
  ];
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('distribution.settingsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('distribution.settingsHelp')}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" data-testid="distribution-settings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('distribution.source')}</Table.Th>
              <Table.Th>{t('distribution.strategy')}</Table.Th>
              <Table.Th>{t('distribution.statuses')}</Table.Th>
              <Table.Th>{t('distribution.automatic')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <SettingsRow key={r.storeId ?? 'manual'} row={r} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function SettingsRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const isOwner = useSession().user.role === 'owner';
  const [strategy, setStrategy] = useState(row.strategy);
  const [enabled, setEnabled] = useState(row.enabled);
  const [statuses, setStatuses] = useState(row.statuses ?? []);
  const save = useMutation({
    mutationFn: () =>
      distributionApi.save({
        store_id: row.storeId,
        strategy,
        enabled,
        ...(row.statuses && { store_statuses: statuses }),
      }),
    onSuccess: (s) => {
      qc.setQueryData(SETTINGS_KEY, s);
      notifications.show({ color: 'green', message: t('distribution.saved', { name: row.name }) });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const testId = `settings-${row.storeId ?? 'manual'}`;
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td fw={600}>{row.name}</Table.Td>
      <Table.Td>
        <Select
          aria-label={t('distribution.strategy')}
          data={STRATEGY_KEYS.map((k) => ({ value: k, label: t(`distribution.strategies.${k}`) }))}
          value={strategy}
          onChange={(v) => v && setStrategy(v)}
          allowDeselect={false}
          disabled={!isOwner}
          data-testid={`${testId}-strategy`}
        />
      </Table.Td>
      <Table.Td>
        {row.statuses ? (
          <TagsInput
            aria-label={t('distribution.statuses')}
            value={statuses}
            onChange={setStatuses}
            disabled={!isOwner}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('distribution.allManual')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('distribution.automatic')}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
          disabled={!isOwner}
          data-testid={`${testId}-enabled`}
        />
      </Table.Td>
      <Table.Td>
        {isOwner && (
          <Button
            size="xs"
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid={`${testId}-save`}
          >
            {t('common.save')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
