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
import { storesApi, type NewStore } from '../../api/stores';
import { errorMessage } from '../../shared/states';

type Kind = NewStore['connector'];

/**
 * Adds a store by hand: its address plus an Application Password of the plugin's `ecomdir`
 * user, or WooCommerce REST API keys for a shop that cannot install the plugin. The server
 * checks the store answers before saving (422 with the store's own answer otherwise).
 */
export function AddStoreModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('woocommerce');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [user, setUser] = useState('ecomdir');
  const [secretA, setSecretA] = useState('');
  const [secretB, setSecretB] = useState('');
  const add = useMutation({
    mutationFn: () =>
      storesApi.add(
        kind === 'woocommerce'
          ? { connector: kind, url, app_user: user, app_password: secretA, ...(name && { name }) }
          : {
              connector: kind,
              url,
              consumer_key: secretA,
              consumer_secret: secretB,
              ...(name && { name }),
            },
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stores'] });
      notifications.show({ color: 'green', message: t('stores.added') });
      setSecretA('');
      setSecretB('');
      onClose();
    },
  });
  const ready =
    url.trim() !== '' && secretA !== '' && (kind === 'woocommerce' ? user !== '' : secretB !== '');

  return (
    <Modal opened={opened} onClose={onClose} title={t('stores.addTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack>
          <SegmentedControl
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
          {add.isError && (
            <Alert
              color="red"
              variant="light"
              title={t('stores.addFailed')}
              data-testid="store-add-error"
            >
              {errorMessage(add.error)}
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
