import { Button, Group, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCloudDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codApi } from '../../api/cod';
import { ErrorText } from '../../shared/states';
import { CodImportResult } from './CodImportResult';

/**
 * "Import from courier": starts an API import (a job on the server) and follows it until it is
 * done or failed. The same import runs by itself once a day for couriers with a login.
 */
export function CodCourierImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const couriers = useQuery({ queryKey: ['cod', 'couriers'], queryFn: codApi.couriers });
  const [courier, setCourier] = useState('');
  const [importId, setImportId] = useState<number | null>(null);
  const start = useMutation({
    mutationFn: () =>
      codApi.fromCourier({ courier: courier || (couriers.data?.items[0]?.key ?? '') }),
    onSuccess: (r) => setImportId(r.id),
  });
  const progress = useQuery({
    queryKey: ['cod', 'import', importId],
    queryFn: () => codApi.importOf(importId ?? 0),
    enabled: importId !== null,
    refetchInterval: (q) =>
      q.state.data && (q.state.data.state === 'done' || q.state.data.state === 'failed')
        ? false
        : 1000,
  });
  const finished = progress.data?.state === 'done' || progress.data?.state === 'failed';
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: ['cod', 'summary'] });
  }, [finished, qc]);
  const items = couriers.data?.items ?? [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('cod.api.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('cod.api.help')}
        </Text>
        {couriers.isSuccess && items.length === 0 ? (
          <Text size="sm" data-testid="cod-api-none">
            {t('cod.api.none')}
          </Text>
        ) : (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('cod.file.courier')}
              data={items.map((c) => ({ value: c.key, label: c.name }))}
              value={courier || (items[0]?.key ?? '')}
              onChange={(e) => setCourier(e.currentTarget.value)}
            />
            <Button
              leftSection={<IconCloudDownload size={16} />}
              onClick={() => start.mutate()}
              loading={start.isPending || (importId !== null && !finished)}
              disabled={items.length === 0}
              data-testid="cod-api-start"
            >
              {t('cod.api.start')}
            </Button>
          </Group>
        )}
        {start.isError && <ErrorText error={start.error} />}
        {importId !== null && !finished && (
          <Stack gap={4} data-testid="cod-api-progress">
            <Text size="sm">{t(`cod.result.${progress.data?.state ?? 'queued'}`)}</Text>
            <Progress value={100} animated aria-label={t('cod.api.running')} />
          </Stack>
        )}
        {progress.data && finished && <CodImportResult result={progress.data} />}
      </Stack>
    </Paper>
  );
}
