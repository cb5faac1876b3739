import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { healthApi } from '../../api/health';

/**
 * Shown on every staff page while no job worker is alive (`/api/health`): then no store is
 * synced and nothing is written back, silently, until a worker runs again.
 */
export function NoWorkerBanner() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: healthApi.get,
    refetchInterval: 30_000,
  });
  if (!health.data || health.data.workers.alive > 0) return null;
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title={t('stores.noWorker.title')}
      mb="md"
      role="alert"
      data-testid="no-worker-banner"
    >
      {t('stores.noWorker.text')}
    </Alert>
  );
}
