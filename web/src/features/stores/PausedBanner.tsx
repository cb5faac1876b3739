import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../api/stores';
import { useFormat } from '../../shared/use-format';

/**
 * Stores that ecomdir paused because WordPress kept refusing their application password: they
 * are no longer polled and their write-backs wait. Reconnecting through the plugin, or
 * Resume, starts them again.
 */
export function PausedBanner({
  stores,
  canResume,
  onResume,
  resuming,
}: {
  stores: Store[];
  canResume: boolean;
  onResume: (id: number) => void;
  resuming: number | null;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const paused = stores.filter((s) => s.paused?.reason === 'credentials_rejected');
  if (paused.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {paused.map((s) => (
        <Alert
          key={s.id}
          color="red"
          icon={<IconPlayerPause size={18} />}
          title={t('stores.pausedBanner.title', { name: s.name })}
          role="alert"
          data-testid="store-paused-banner"
        >
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Text size="sm" maw={720}>
              {t('stores.pausedBanner.text', { when: dateTime(s.paused?.since ?? '') })}
            </Text>
            {canResume && (
              <Button
                size="xs"
                variant="white"
                color="red"
                loading={resuming === s.id}
                onClick={() => onResume(s.id)}
                data-testid="store-paused-resume"
              >
                {t('stores.resume')}
              </Button>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
