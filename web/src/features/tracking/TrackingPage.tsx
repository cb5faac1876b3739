import { Alert, Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { ApiJson } from '../../api/contract';
import { AuthLayout } from '../auth/AuthLayout';
import { ErrorText, FullPageLoader } from '../../shared/states';

type Tracking = ApiJson<'/api/t/{token}', 'get'>;

/**
 * The public tracking page (no login): the link on the label and in the store's order. It
 * shows the AWB, the courier, the status and its history — no name, phone or address.
 */
export function TrackingPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const tracking = useQuery({
    queryKey: ['tracking', token],
    queryFn: () => api.get<Tracking>(`/t/${encodeURIComponent(token)}`),
    retry: false,
  });
  // The customer has no account: times in Romania's zone, where the shops are.
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ro-RO', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Bucharest',
    }).format(new Date(iso));
  if (tracking.isPending) return <FullPageLoader />;
  return (
    <AuthLayout title={t('shipping.tracking.title')} width={520}>
      {tracking.isError ? (
        <Alert color="red" data-testid="tracking-error">
          <ErrorText error={tracking.error} />
        </Alert>
      ) : (
        <Stack gap="md" data-testid="tracking">
          <Group justify="space-between">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {tracking.data.courier_name}
              </Text>
              <Text ff="monospace" fw={700} data-testid="tracking-awb">
                {tracking.data.awb}
              </Text>
            </Stack>
            <Badge size="lg" variant="light" data-testid="tracking-status">
              {t(`shipping.statuses.${tracking.data.status}`)}
            </Badge>
          </Group>
          {tracking.data.city && (
            <Text size="sm">{t('shipping.tracking.to', { city: tracking.data.city })}</Text>
          )}
          <Timeline active={tracking.data.events.length - 1} bulletSize={14}>
            {tracking.data.events.map((e, i) => (
              <Timeline.Item key={i} title={t(`shipping.statuses.${e.status}`)}>
                <Text size="xs" c="dimmed">
                  {when(e.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </AuthLayout>
  );
}
