import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrderStorePush, storeBoundaryApi } from '../../api/store-boundary';
import { useFormat } from '../../shared/use-format';

/** Codes with their own text under storeBoundary.push; the rest read as `other`. */
const KNOWN = [
  'ecomdir_packer_locked',
  'credentials_rejected',
  'plugin_missing',
  'store_paused',
  'timeout',
  'unreachable',
  'server_error',
  'bad_answer',
  'too_many_requests',
];

/**
 * What the store holds against ecomdir for this order: a write-back that waits or was
 * refused (with the setting to change when it is the packer lock) and a divergence seen in
 * the store's feed; Retry pushes the order's current state again.
 */
export function StorePushAlerts({ orderId, order }: { orderId: number; order: OrderStorePush }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  // After a Retry the push runs in the background: look again for a while until it lands.
  const [watchUntil, setWatchUntil] = useState(0);
  const pending = !!(order.store_push_error ?? order.store_divergence);
  useEffect(() => {
    if (!pending || watchUntil === 0) return;
    const timer = setInterval(() => {
      if (Date.now() > watchUntil) clearInterval(timer);
      void qc.invalidateQueries({ queryKey: ['orders', 'detail', orderId] });
    }, 1500);
    return () => clearInterval(timer);
  }, [pending, watchUntil, qc, orderId]);
  const retry = useMutation({
    mutationFn: () => storeBoundaryApi.retryPush(orderId),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('storeBoundary.retryQueued') });
      setWatchUntil(Date.now() + 30_000);
    },
    onError: (e) =>
      notifications.show({
        color: 'red',
        message: t(`errors.${(e as { code?: string }).code ?? 'unknown'}`, {
          defaultValue: t('storeBoundary.retryFailed'),
        }),
      }),
  });
  const err = order.store_push_error;
  const div = order.store_divergence;
  if (!err && !div) return null;
  const retryButton = (
    <Button
      size="xs"
      variant="light"
      loading={retry.isPending}
      onClick={() => retry.mutate()}
      // Beside a long sentence in a row that does not wrap: the sentence wraps, the button
      // keeps its label whole ("Reînce…" otherwise, found by the journey test).
      style={{ flexShrink: 0 }}
      data-testid="store-push-retry"
    >
      {t('storeBoundary.retry')}
    </Button>
  );
  return (
    <Stack gap="xs">
      {err && (
        <Alert
          color={err.retrying ? 'yellow' : 'red'}
          title={t(err.retrying ? 'storeBoundary.waitingTitle' : 'order.storeRefused')}
          data-testid="order-store-refused"
          data-code={err.code}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">
              {t(`storeBoundary.push.${KNOWN.includes(err.code) ? err.code : 'other'}`)} ·{' '}
              {fmt.dateTime(err.at)}
            </Text>
            {!err.retrying && retryButton}
          </Group>
        </Alert>
      )}
      {div && (
        <Alert color="orange" title={t('storeBoundary.divergedTitle')} data-testid="order-diverged">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">
              {div.packer_name
                ? t(
                    div.confirmed
                      ? 'storeBoundary.storeHoldsConfirmed'
                      : 'storeBoundary.storeHolds',
                    {
                      name: div.packer_name,
                    },
                  )
                : t('storeBoundary.storeHoldsNone')}{' '}
              {t('storeBoundary.divergedSince', { when: fmt.dateTime(div.since) })}
            </Text>
            {!err && retryButton}
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
