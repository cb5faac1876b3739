import { Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locker, lockersApi } from '../../api/shipments';
import { ErrorText, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';

/**
 * Chooses one of the courier's lockers (the cached list, searched by city or name as the
 * user types); the list can be read again from the courier. Each result is a button, so the
 * picker works with the keyboard (Tab, Enter).
 */
export function LockerPicker({
  courier,
  value,
  onChange,
}: {
  courier: string;
  value: Locker | null;
  onChange: (l: Locker | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['lockers', courier, q],
    queryFn: () => lockersApi.search(courier, q),
  });
  const refresh = useMutation({
    mutationFn: () => lockersApi.refresh(courier),
    onSettled: () => qc.invalidateQueries({ queryKey: ['lockers', courier] }),
  });
  const limits = (l: Locker) =>
    l.max_size_cm || l.max_weight_kg
      ? t('shipping.lockers.limits', {
          size: l.max_size_cm
            ? `${l.max_size_cm.length}×${l.max_size_cm.width}×${l.max_size_cm.height}`
            : '—',
          weight: l.max_weight_kg ?? '—',
        })
      : '';
  if (value)
    return (
      <Group gap="xs" data-testid="locker-chosen">
        <Text size="sm">
          {t('shipping.lockers.chosen', { name: `${value.name}, ${value.city}` })}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => onChange(null)}>
          {t('shipping.lockers.clear')}
        </Button>
      </Group>
    );
  return (
    <Stack gap={4} data-testid="locker-picker">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1, minWidth: 0 }}
          label={t('shipping.lockers.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="locker-search"
        />
        <Button
          variant="default"
          leftSection={<IconRefresh size={14} />}
          loading={refresh.isPending}
          onClick={() => refresh.mutate()}
          data-testid="locker-refresh"
        >
          {t('shipping.lockers.refresh')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {found.data?.refreshed_at
          ? t('shipping.lockers.refreshed', { when: fmt.dateTime(found.data.refreshed_at) })
          : t('shipping.lockers.never')}
        {refresh.data?.ok && ` ${t('shipping.lockers.count', { count: refresh.data.count })}`}
      </Text>
      {refresh.isError && (
        <Text size="xs" c="red">
          {errorMessage(refresh.error)}
        </Text>
      )}
      {found.isError && <ErrorText error={found.error} />}
      {found.data?.items.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('shipping.lockers.none')}
        </Text>
      )}
      <Stack gap={2} style={{ maxHeight: 220, overflowY: 'auto' }}>
        {found.data?.items.map((l) => (
          <UnstyledButton
            key={l.id}
            onClick={() => onChange(l)}
            data-testid="locker-option"
            p={4}
            style={{ borderRadius: 4 }}
          >
            <Text size="sm" fw={500}>
              {l.name}
            </Text>
            <Text size="xs" c="dimmed">
              {l.address}, {l.city} {limits(l) && `· ${limits(l)}`}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Stack>
  );
}
