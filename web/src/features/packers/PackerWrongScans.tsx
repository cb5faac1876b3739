import { Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { packersApi } from '../../api/packers';
import { EmptyState, ErrorState } from '../../shared/states';
import { TimelineTable } from '../../shared/TimelineTable';
import { useLiveEvents } from '../../shared/use-live-events';
import { ScannedCode, WrongScanKind } from '../orders/WrongScans';

/** The packer's recent wrong scans at the station, newest first, a page at a time. */
export function PackerWrongScans({ packerId }: { packerId: number }) {
  const { t } = useTranslation();
  const scans = useInfiniteQuery({
    queryKey: ['packers', packerId, 'wrong-scans'],
    queryFn: ({ pageParam }) => packersApi.wrongScans(packerId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  useLiveEvents([['packers', packerId, 'wrong-scans']]);
  const rows = scans.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p="md" component="section" data-testid="packer-wrong-scans">
      <Title order={4} mb="sm">
        {t('packers.wrongScans.title')}
      </Title>
      {scans.isError ? (
        <ErrorState error={scans.error} onRetry={() => void scans.refetch()} />
      ) : scans.isPending ? (
        <Text size="sm" c="dimmed">
          {t('packers.wrongScans.loading')}
        </Text>
      ) : rows.length === 0 ? (
        <EmptyState
          testId="packer-wrong-scans-empty"
          icon={<IconBarcode size={30} />}
          title={t('packers.wrongScans.emptyTitle')}
          description={t('packers.wrongScans.emptyText')}
        />
      ) : (
        <>
          <TimelineTable
            rows={rows}
            rowTestId="packer-wrong-scan-row"
            minWidth={560}
            columns={[
              {
                header: t('packers.wrongScans.order'),
                cell: (s) => (
                  <Anchor component={Link} to={`/orders/${s.order.id}`} size="sm">
                    #{s.order.number}
                  </Anchor>
                ),
              },
              { header: t('order.scannedCode'), cell: (s) => <ScannedCode code={s.code} /> },
              {
                header: t('packers.wrongScans.expected'),
                cell: (s) => (
                  <Text size="sm">{s.expected.map((e) => e.sku || e.name).join(', ') || '—'}</Text>
                ),
              },
              { header: t('order.why'), cell: (s) => <WrongScanKind kind={s.kind} /> },
            ]}
          />
          {scans.hasNextPage && (
            <Group justify="center" mt="sm">
              <Button
                variant="default"
                loading={scans.isFetchingNextPage}
                onClick={() => void scans.fetchNextPage()}
                data-testid="packer-wrong-scans-more"
              >
                {t('packers.wrongScans.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}
