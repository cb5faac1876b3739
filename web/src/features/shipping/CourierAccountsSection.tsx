import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shippingSettingsApi } from '../../api/shipping-settings';
import { EmptyState, ErrorState, ErrorText, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import type { CourierOption } from './DefaultsSection';

type Secret = { key: string; value: string };
const blankSecrets = (): Secret[] => [
  { key: 'username', value: '' },
  { key: 'password', value: '' },
];

/**
 * The shop's logins at couriers. Credentials go to the server once and are sealed there; the
 * list shows only the courier and the name, so a secret is never on the page again.
 */
export function CourierAccountsSection({ couriers }: { couriers: CourierOption[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const qc = useQueryClient();
  const accounts = useQuery({
    queryKey: ['shipping', 'courier-accounts'],
    queryFn: shippingSettingsApi.accounts,
  });
  const [courier, setCourier] = useState(couriers[0]?.value ?? 'own');
  const [name, setName] = useState('');
  const [secrets, setSecrets] = useState<Secret[]>(blankSecrets);
  const [confirming, setConfirming] = useState<number | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['shipping', 'courier-accounts'] });

  const add = useMutation({
    mutationFn: () =>
      shippingSettingsApi.addAccount({
        courier,
        name,
        credentials: Object.fromEntries(
          secrets.filter((s) => s.key.trim()).map((s) => [s.key.trim(), s.value]),
        ),
      }),
    onSuccess: () => {
      setName('');
      setSecrets(blankSecrets());
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => shippingSettingsApi.removeAccount(id),
    onSuccess: () => {
      setConfirming(null);
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const setSecret = (i: number, patch: Partial<Secret>) =>
    setSecrets(secrets.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('shippingSettings.accounts.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('shippingSettings.accounts.help')}
        </Text>
        {accounts.isError && <ErrorState error={accounts.error} onRetry={() => void refresh()} />}
        {accounts.data?.items.length === 0 && (
          <EmptyState
            icon={<IconKey size={30} />}
            title={t('shippingSettings.accounts.emptyTitle')}
            description={t('shippingSettings.accounts.emptyText')}
            testId="accounts-empty"
          />
        )}
        {accounts.data?.items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap" data-testid="courier-account">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {a.name}
              </Text>
              <Text size="xs" c="dimmed">
                {couriers.find((c) => c.value === a.courier)?.label ?? a.courier} ·{' '}
                {dateTime(a.created_at)}
              </Text>
            </div>
            {confirming === a.id ? (
              // Removing a login cannot be undone (its secret is not shown again): asked twice.
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  color="red"
                  loading={remove.isPending}
                  onClick={() => remove.mutate(a.id)}
                  data-testid="courier-account-remove-confirm"
                >
                  {t('shippingSettings.accounts.confirmRemove')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            ) : (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('shippingSettings.accounts.remove')}
                onClick={() => setConfirming(a.id)}
                data-testid="courier-account-remove"
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Text fw={600}>{t('shippingSettings.accounts.add')}</Text>
            {add.isError && (
              <Alert color="red" data-testid="courier-account-error">
                <ErrorText error={add.error} />
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <NativeSelect
                label={t('shippingSettings.accounts.courier')}
                data={couriers}
                value={courier}
                onChange={(e) => setCourier(e.currentTarget.value)}
                data-testid="courier-account-courier"
              />
              <TextInput
                label={t('shippingSettings.accounts.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                data-testid="courier-account-name"
              />
              {secrets.map((s, i) => (
                <Group
                  key={i}
                  gap="xs"
                  wrap="nowrap"
                  align="flex-end"
                  style={{ gridColumn: '1 / -1' }}
                >
                  <TextInput
                    style={{ flex: 1, minWidth: 0 }}
                    label={t('shippingSettings.accounts.secretKey')}
                    value={s.key}
                    onChange={(e) => setSecret(i, { key: e.currentTarget.value })}
                    data-testid="courier-secret-key"
                  />
                  <PasswordInput
                    style={{ flex: 1, minWidth: 0 }}
                    label={t('shippingSettings.accounts.secretValue')}
                    autoComplete="new-password"
                    value={s.value}
                    onChange={(e) => setSecret(i, { value: e.currentTarget.value })}
                    data-testid="courier-secret-value"
                  />
                </Group>
              ))}
            </SimpleGrid>
            <Group>
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} />}
                onClick={() => setSecrets([...secrets, { key: '', value: '' }])}
                data-testid="courier-secret-add"
              >
                {t('shippingSettings.accounts.addSecret')}
              </Button>
              <Button type="submit" loading={add.isPending} data-testid="courier-account-submit">
                {t('shippingSettings.accounts.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
