import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { IconMapPin, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SenderAddress } from '../../api/shipping-settings';
import { EmptyState } from '../../shared/states';

type TextField =
  'label' | 'name' | 'company' | 'phone' | 'address1' | 'address2' | 'city' | 'county' | 'postcode';
const FIELDS: { key: TextField; required: boolean }[] = [
  { key: 'label', required: true },
  { key: 'name', required: true },
  { key: 'company', required: false },
  { key: 'phone', required: true },
  { key: 'address1', required: true },
  { key: 'address2', required: false },
  { key: 'city', required: true },
  { key: 'county', required: true },
  { key: 'postcode', required: false },
];

/** A fresh address; its id only has to be unique within the account's list. */
function blankAddress(isFirst: boolean): SenderAddress {
  return {
    id: `addr-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
    label: '',
    name: '',
    company: null,
    phone: '',
    address1: '',
    address2: null,
    city: '',
    county: '',
    postcode: null,
    country: 'RO',
    is_default: isFirst,
  };
}

/** Where parcels are picked up from: several addresses, exactly one marked as the default. */
export function SenderAddressesSection({
  addresses,
  onChange,
}: {
  addresses: SenderAddress[];
  onChange: (next: SenderAddress[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<SenderAddress>) =>
    onChange(addresses.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const makeDefault = (i: number) =>
    onChange(addresses.map((a, j) => ({ ...a, is_default: j === i })));
  const remove = (i: number) => {
    const rest = addresses.filter((_, j) => j !== i);
    // The default went away: the first remaining address takes its place.
    if (rest.length && !rest.some((a) => a.is_default)) rest[0] = { ...rest[0]!, is_default: true };
    onChange(rest);
  };
  const add = (
    <Button
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => onChange([...addresses, blankAddress(addresses.length === 0)])}
      data-testid="sender-add"
    >
      {t('shippingSettings.senders.add')}
    </Button>
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('shippingSettings.senders.title')}</Title>
        {addresses.length === 0 && (
          <EmptyState
            icon={<IconMapPin size={30} />}
            title={t('shippingSettings.senders.emptyTitle')}
            description={t('shippingSettings.senders.emptyText')}
            testId="senders-empty"
          />
        )}
        {addresses.map((a, i) => (
          <Paper key={a.id} withBorder p="sm" data-testid="sender-address">
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                {FIELDS.map((f) => (
                  <TextInput
                    key={f.key}
                    label={t(`shippingSettings.senders.fields.${f.key}`)}
                    required={f.required}
                    value={a[f.key] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      update(i, { [f.key]: f.required ? v : v.trim() ? v : null });
                    }}
                    data-testid={`sender-${f.key}`}
                  />
                ))}
              </SimpleGrid>
              <Group justify="space-between" wrap="wrap">
                <Checkbox
                  label={t('shippingSettings.senders.default')}
                  checked={a.is_default}
                  onChange={() => makeDefault(i)}
                  data-testid="sender-default"
                />
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => remove(i)}
                  data-testid="sender-remove"
                >
                  {t('shippingSettings.senders.remove')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>{add}</Group>
      </Stack>
    </Paper>
  );
}
