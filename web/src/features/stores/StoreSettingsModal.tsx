import { Alert, Button, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { storesApi, type Store, type SyncDefaults } from '../../api/stores';
import { errorMessage } from '../../shared/states';
import { FirstSyncDaysInput } from './FirstSyncDaysInput';
import { validFirstSyncDays } from './sync-settings';

/** Poll intervals offered, in seconds: 1, 2, 5, 10, 15, 30 and 60 minutes. */
const POLL_CHOICES = [60, 120, 300, 600, 900, 1800, 3600];

/**
 * A store's sync settings: how often it is asked for new orders, and — until its first sync
 * has begun — how far back that sync goes (the server fixes it when the sync starts).
 */
export function StoreSettingsModal({
  store,
  defaults,
  onClose,
}: {
  store: Store;
  defaults: SyncDefaults | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [poll, setPoll] = useState(String(store.poll_seconds));
  const [days, setDays] = useState<number | string>(store.first_sync_days);
  const editable = store.first_sync_days_editable;
  const save = useMutation({
    mutationFn: () =>
      storesApi.updateSettings(store.id, {
        poll_seconds: Number(poll),
        ...(editable && { first_sync_days: Number(days) }),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stores'] });
      notifications.show({ color: 'green', message: t('stores.settings.saved') });
      onClose();
    },
  });

  // The store's current value stays offered even when it is not one of the usual choices.
  const seconds = [...new Set([...POLL_CHOICES, store.poll_seconds])].sort((a, b) => a - b);
  const label = (s: number) => {
    const text =
      s % 60 === 0
        ? t('stores.settings.minutes', { count: s / 60 })
        : t('stores.settings.seconds', { count: s });
    return s === defaults?.poll_seconds ? t('stores.settings.isDefault', { label: text }) : text;
  };
  const failure =
    save.error instanceof ApiError
      ? t(`stores.settings.errors.${save.error.code}`, { defaultValue: errorMessage(save.error) })
      : save.error && errorMessage(save.error);

  return (
    <Modal opened onClose={onClose} title={t('stores.settings.title', { name: store.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        data-testid="store-settings-form"
      >
        <Stack>
          <NativeSelect
            label={t('stores.settings.poll')}
            description={t('stores.settings.pollHint')}
            data={seconds.map((s) => ({ value: String(s), label: label(s) }))}
            value={poll}
            onChange={(e) => setPoll(e.currentTarget.value)}
            data-autofocus
            data-testid="store-settings-poll"
          />
          <FirstSyncDaysInput
            description={
              editable
                ? t('stores.settings.firstSyncDaysHint')
                : store.first_sync.done
                  ? t('stores.settings.firstSyncDone')
                  : t('stores.settings.firstSyncStarted')
            }
            value={days}
            onChange={setDays}
            disabled={!editable}
            data-testid="store-settings-first-sync-days"
          />
          {failure && (
            <Alert
              color="red"
              variant="light"
              title={t('stores.settings.saveFailed')}
              data-testid="store-settings-error"
            >
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={editable && !validFirstSyncDays(days)}
              data-testid="store-settings-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
