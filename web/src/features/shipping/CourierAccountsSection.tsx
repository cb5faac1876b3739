import {
  Alert,
  Button,
  Divider,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shippingSettingsApi } from '../../api/shipping-settings';
import { EmptyState, ErrorState, ErrorText } from '../../shared/states';
import { CourierAccountRow } from './CourierAccountRow';
import { CourierFieldInputs } from './CourierFieldInputs';
import type { CourierOption } from './DefaultsSection';

/**
 * The shop's logins at couriers. The form asks for the fields the chosen courier declares
 * (`credential_fields`); credentials go to the server once and are sealed there, so a secret
 * is never on the page again. Each login can be edited, tested and given its choices.
 */
export function CourierAccountsSection({ couriers }: { couriers: CourierOption[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const accounts = useQuery({
    queryKey: ['shipping', 'courier-accounts'],
    queryFn: shippingSettingsApi.accounts,
  });
  const infos = useQuery({
    queryKey: ['shipping', 'couriers'],
    queryFn: shippingSettingsApi.couriers,
  });
  const [courier, setCourier] = useState(couriers[0]?.value ?? 'own');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const refresh = () => qc.invalidateQueries({ queryKey: ['shipping', 'courier-accounts'] });
  const infoOf = (key: string) => infos.data?.items.find((c) => c.key === key);
  const fields = infoOf(courier)?.credential_fields ?? [];

  const add = useMutation({
    mutationFn: () =>
      shippingSettingsApi.addAccount({
        courier,
        name,
        credentials: Object.fromEntries(
          fields.filter((f) => values[f.key]).map((f) => [f.key, values[f.key] ?? '']),
        ),
      }),
    onSuccess: () => {
      setName('');
      setValues({});
      void refresh();
    },
  });
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
          <CourierAccountRow
            key={a.id}
            account={a}
            courier={infoOf(a.courier)}
            courierLabel={couriers.find((c) => c.value === a.courier)?.label ?? a.courier}
          />
        ))}
        <Divider />
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
                onChange={(e) => {
                  setCourier(e.currentTarget.value);
                  setValues({});
                }}
                data-testid="courier-account-courier"
              />
              <TextInput
                label={t('shippingSettings.accounts.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                data-testid="courier-account-name"
              />
              <CourierFieldInputs fields={fields} values={values} onChange={setValues} />
            </SimpleGrid>
            {fields.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('shippingSettings.accounts.noFields')}
              </Text>
            )}
            <Group>
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
