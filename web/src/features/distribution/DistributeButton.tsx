import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/states';
import { UNASSIGNED_KEY, distributionApi } from './distribution-api';

/** Runs distribution on a selection (unconfirmed orders; confirmed ones are skipped as locked). */
export function DistributeButton({ orderIds, onDone }: { orderIds: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: () => distributionApi.distribute(orderIds),
    onSuccess: (r) => {
      onDone();
      notifications.show({
        color: r.assigned.length ? 'green' : 'orange',
        message: t('distribution.result', {
          assigned: r.assigned.length,
          waiting: r.unassigned.length,
        }),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['orders'] });
      await qc.invalidateQueries({ queryKey: UNASSIGNED_KEY });
    },
  });
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconArrowsShuffle size={16} />}
      loading={run.isPending}
      onClick={() => run.mutate()}
      data-testid="bulk-distribute"
    >
      {t('distribution.distribute', { count: orderIds.length })}
    </Button>
  );
}
