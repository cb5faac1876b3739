import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storesApi, type NewStore, type SyncDefaults } from '../../api/stores';
import { ErrorText } from '../../shared/states';
import { FirstSyncDaysInput } from './FirstSyncDaysInput';
import { validFirstSyncDays } from './sync-settings';

type Kind = NewStore['connector'];

/**
 * Adds a store by hand: its address plus an Application Password of the plugin's `ecomdir`
 * user, or WooCommerce REST API keys for a shop that cannot install the plugin. The server
 * checks the store answers before saving (422 with the store's own answer otherwise). How far
 * back the first sync goes starts at the server's default; only a changed value is sent, so a
 * store left at the default keeps following it.
 */
export function AddStoreModal({
  opened,
  onClose,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  defaults: SyncDefaults | undefined;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('woocommerce');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [user, setUser] = useState('ecomdir');
  const [secretA, setSecretA] = useState('');
  const [secretB, setSecretB] = useState('');
  const defaultDays = defaults?.first_sync_days ?? 30;
  // null: not touched, the default applies.
  const [days, setDays] = useState<number | string | null>(null);
  const add = useMutation({
    mutationFn: () => {
      const common = {
        url,
        ...(name && { name }),
        ...(days !== null && days !== defaultDays && { first_sync_days: Number(days) }),
      };
      return storesApi.add(
        kind === 'woocommerce'
          ? { ...common, connector: kind, app_user: user, app_password: secretA }
          : { ...common, connector: kind, consumer_key: secretA, consumer_secret: secretB },
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stores'] });
      notifications.show({ color: 'green', message: t('stores.added') });
      setSecretA('');
      setSecretB('');
      setDays(null);
      onClose();
    },
  });
  const ready =
    url.trim() !== '' &&
    secretA !== '' &&
    (kind === 'woocommerce' ? user !== '' : secretB !== '') &&
    (days === null || validFirstSyncDays(days));

  return (
    <Modal opened={opened} onClose={onClose} title={t('stores.addTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack>
          {/* Full width with labels that wrap: on a phone the two choices side by side ran
              off the dialog ("API-ul REST…"). */}
          <SegmentedControl
            fullWidth
            styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
            value={kind}
            onChange={setKind}
            data={[
              { value: 'woocommerce', label: t('stores.kindPlugin') },
              { value: 'woocommerce-rest', label: t('stores.kindRest') },
            ]}
          />
          <Text size="sm" c="dimmed">
            {kind === 'woocommerce' ? t('stores.kindPluginHint') : t('stores.kindRestHint')}
          </Text>
          <TextInput
            label={t('stores.url')}
            placeholder="https://magazin.ro"
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            data-testid="store-url"
          />
          <TextInput
            label={t('stores.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          {kind === 'woocommerce' ? (
            <>
              <TextInput
                label={t('stores.appUser')}
                required
                value={user}
                onChange={(e) => setUser(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('stores.appPassword')}
                required
                value={secretA}
                onChange={(e) => setSecretA(e.currentTarget.value)}
                data-testid="store-app-password"
              />
            </>
          ) : (
            <>
              <TextInput
                label={t('stores.consumerKey')}
                required
                value={secretA}
                onChange={(e) => setSecretA(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('stores.consumerSecret')}
                required
                value={secretB}
                onChange={(e) => setSecretB(e.currentTarget.value)}
              />
            </>
          )}
          <FirstSyncDaysInput
            description={t('stores.settings.firstSyncDaysHint')}
            value={days ?? defaultDays}
            onChange={setDays}
            data-testid="store-first-sync-days"
          />
          {add.isError && (
            <Alert
              color="red"
              variant="light"
              title={t('stores.addFailed')}
              data-testid="store-add-error"
            >
              <ErrorText error={add.error} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!ready}
              data-testid="store-add-submit"
            >
              {t('stores.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
