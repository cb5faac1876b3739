import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconRoute, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ShippingRule } from '../../api/shipping-settings';
import { storesApi } from '../../api/stores';
import { EmptyState } from '../../shared/states';
import type { CourierOption } from './DefaultsSection';

type RangeField = 'min_weight_kg' | 'max_weight_kg' | 'min_value' | 'max_value';
const RANGES: RangeField[] = ['min_weight_kg', 'max_weight_kg', 'min_value', 'max_value'];
const COD = { any: null, yes: true, no: false } as const;
const codKey = (v: boolean | null) => (v === null ? 'any' : v ? 'yes' : 'no');

const blankRule = (courier: string): ShippingRule => ({
  name: '',
  courier,
  service: 'standard',
  store_ids: [],
  shipping_method_ids: [],
  cod: null,
  min_weight_kg: null,
  max_weight_kg: null,
  min_value: null,
  max_value: null,
});

/** Rules pick courier and service; the first that matches an order wins, so order matters. */
export function RulesSection({
  rules,
  couriers,
  onChange,
}: {
  rules: ShippingRule[];
  couriers: CourierOption[];
  onChange: (next: ShippingRule[]) => void;
}) {
  const { t } = useTranslation();
  const stores = useQuery({ queryKey: ['stores'], queryFn: storesApi.list });
  const storeOptions = (stores.data?.items ?? []).map((s) => ({
    value: String(s.id),
    label: s.name,
  }));
  const update = (i: number, patch: Partial<ShippingRule>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    next.splice(i + by, 0, rule!);
    onChange(next);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('shippingSettings.rules.title')}</Title>
        {rules.length === 0 && (
          <EmptyState
            icon={<IconRoute size={30} />}
            title={t('shippingSettings.rules.emptyTitle')}
            description={t('shippingSettings.rules.emptyText')}
            testId="rules-empty"
          />
        )}
        {rules.map((r, i) => (
          <Paper key={i} withBorder p="sm" data-testid="shipping-rule">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Badge variant="light">{t('shippingSettings.rules.number', { n: i + 1 })}</Badge>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0}
                    aria-label={t('shippingSettings.rules.up')}
                    onClick={() => move(i, -1)}
                    data-testid="rule-up"
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === rules.length - 1}
                    aria-label={t('shippingSettings.rules.down')}
                    onClick={() => move(i, 1)}
                    data-testid="rule-down"
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('shippingSettings.rules.remove')}
                    onClick={() => onChange(rules.filter((_, j) => j !== i))}
                    data-testid="rule-remove"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                <TextInput
                  label={t('shippingSettings.rules.name')}
                  required
                  value={r.name}
                  onChange={(e) => update(i, { name: e.currentTarget.value })}
                  data-testid="rule-name"
                />
                <NativeSelect
                  label={t('shippingSettings.rules.courier')}
                  data={couriers}
                  value={r.courier}
                  onChange={(e) => update(i, { courier: e.currentTarget.value })}
                  data-testid="rule-courier"
                />
                <TextInput
                  label={t('shippingSettings.rules.service')}
                  required
                  value={r.service}
                  onChange={(e) => update(i, { service: e.currentTarget.value })}
                  data-testid="rule-service"
                />
                <MultiSelect
                  label={t('shippingSettings.rules.stores')}
                  placeholder={
                    r.store_ids.length ? undefined : t('shippingSettings.rules.anyStore')
                  }
                  data={storeOptions}
                  value={r.store_ids.map(String)}
                  onChange={(v) => update(i, { store_ids: v.map(Number) })}
                  data-testid="rule-stores"
                />
                <TagsInput
                  label={t('shippingSettings.rules.methods')}
                  description={t('shippingSettings.rules.methodsHelp')}
                  value={r.shipping_method_ids}
                  onChange={(v) => update(i, { shipping_method_ids: v })}
                  data-testid="rule-methods"
                />
                <NativeSelect
                  label={t('shippingSettings.rules.cod')}
                  data={(['any', 'yes', 'no'] as const).map((k) => ({
                    value: k,
                    label: t(`shippingSettings.rules.codChoice.${k}`),
                  }))}
                  value={codKey(r.cod)}
                  onChange={(e) =>
                    update(i, { cod: COD[e.currentTarget.value as keyof typeof COD] })
                  }
                  data-testid="rule-cod"
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs">
                {RANGES.map((f) => (
                  <TextInput
                    key={f}
                    label={t(`shippingSettings.rules.${f}`)}
                    value={r[f] ?? ''}
                    onChange={(e) => update(i, { [f]: e.currentTarget.value.trim() || null })}
                    data-testid={`rule-${f}`}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...rules, blankRule(couriers[0]?.value ?? 'own')])}
            data-testid="rule-add"
          >
            {t('shippingSettings.rules.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
