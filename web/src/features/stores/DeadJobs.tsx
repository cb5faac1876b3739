import { Badge, Button, Code, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { storesApi } from '../../api/stores';
import { errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';

/** Jobs that failed every attempt (a store write-back, a sync), with their last error and Retry. */
export function DeadJobs() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const qc = useQueryClient();
  const dead = useQuery({
    queryKey: ['jobs', 'dead'],
    queryFn: storesApi.deadJobs,
    refetchInterval: 15_000,
  });
  const retry = useMutation({
    mutationFn: (id: number) => storesApi.retryJob(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['jobs', 'dead'] });
      notifications.show({ color: 'green', message: t('stores.retried') });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const items = dead.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" mt="lg" data-testid="dead-jobs">
      <Title order={4} mb="xs">
        {t('stores.deadTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('stores.deadText')}
      </Text>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stores.jobKind')}</Table.Th>
              <Table.Th>{t('stores.jobError')}</Table.Th>
              <Table.Th>{t('stores.jobFailedAt')}</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((j) => (
              <Table.Tr key={j.id} data-testid="dead-job">
                <Table.Td>
                  <Badge variant="light" color="red">
                    {j.kind}
                  </Badge>{' '}
                  <Code>{JSON.stringify(j.payload)}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{j.last_error ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {t('stores.attempts', { count: j.attempts })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(j.failed_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRefresh size={14} />}
                    loading={retry.isPending && retry.variables === j.id}
                    onClick={() => retry.mutate(j.id)}
                  >
                    {t('stores.retry')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
