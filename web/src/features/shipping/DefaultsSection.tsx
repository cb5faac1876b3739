import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LabelFormat, ShippingSettings } from '../../api/shipping-settings';

export type CourierOption = { value: string; label: string };
const FORMATS = ['a6', 'a4x4', 'zpl'] as const satisfies readonly LabelFormat[];
const PAYERS = ['sender', 'recipient'] as const satisfies readonly ShippingSettings['payer'][];
const ON_PACK = [
  'off',
  'button',
  'automatic',
] as const satisfies readonly ShippingSettings['on_pack'][];
const SIDES = ['length', 'width', 'height'] as const;

/** What a parcel gets when nothing else says: weight, size, courier and service, payer, printers. */
export function DefaultsSection({
  settings: s,
  couriers,
  onChange,
}: {
  settings: ShippingSettings;
  couriers: CourierOption[];
  onChange: (patch: Partial<ShippingSettings>) => void;
}) {
  const { t } = useTranslation();
  const setPrinter = (i: number, patch: Partial<ShippingSettings['printers'][number]>) =>
    onChange({ printers: s.printers.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('shippingSettings.defaults.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          <TextInput
            label={t('shippingSettings.defaults.weight')}
            value={s.default_weight_kg}
            onChange={(e) => onChange({ default_weight_kg: e.currentTarget.value.trim() })}
            data-testid="default-weight"
          />
          <NativeSelect
            label={t('shippingSettings.defaults.courier')}
            data={couriers}
            value={s.default_courier}
            onChange={(e) => onChange({ default_courier: e.currentTarget.value })}
            data-testid="default-courier"
          />
          <TextInput
            label={t('shippingSettings.defaults.service')}
            value={s.default_service}
            onChange={(e) => onChange({ default_service: e.currentTarget.value })}
            data-testid="default-service"
          />
          <NativeSelect
            label={t('shippingSettings.defaults.payer')}
            data={PAYERS.map((p) => ({ value: p, label: t(`shippingSettings.payer.${p}`) }))}
            value={s.payer}
            onChange={(e) =>
              onChange({ payer: e.currentTarget.value as ShippingSettings['payer'] })
            }
            data-testid="default-payer"
          />
          <NativeSelect
            label={t('shippingSettings.defaults.onPack')}
            data={ON_PACK.map((p) => ({ value: p, label: t(`shippingSettings.onPack.${p}`) }))}
            value={s.on_pack}
            onChange={(e) =>
              onChange({ on_pack: e.currentTarget.value as ShippingSettings['on_pack'] })
            }
            data-testid="default-on-pack"
          />
          <TextInput
            label={t('shippingSettings.defaults.awbPrefix')}
            description={t('shippingSettings.defaults.awbPrefixHelp')}
            value={s.own_awb_prefix}
            onChange={(e) => onChange({ own_awb_prefix: e.currentTarget.value.trim() })}
            data-testid="awb-prefix"
          />
        </SimpleGrid>
        <Text fw={600}>{t('shippingSettings.defaults.size')}</Text>
        <SimpleGrid cols={3} spacing="xs">
          {SIDES.map((side) => (
            <NumberInput
              key={side}
              label={t(`shippingSettings.defaults.${side}`)}
              min={1}
              max={500}
              allowDecimal={false}
              value={s.default_size_cm[side]}
              onChange={(v) =>
                onChange({ default_size_cm: { ...s.default_size_cm, [side]: Number(v) || 0 } })
              }
              data-testid={`default-${side}`}
            />
          ))}
        </SimpleGrid>
        <Text fw={600}>{t('shippingSettings.printers.title')}</Text>
        {s.printers.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="printers-empty">
            {t('shippingSettings.printers.empty')}
          </Text>
        )}
        {s.printers.map((p, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end" data-testid="printer">
            <TextInput
              style={{ flex: 1, minWidth: 0 }}
              label={t('shippingSettings.printers.name')}
              value={p.name}
              onChange={(e) => setPrinter(i, { name: e.currentTarget.value })}
              data-testid="printer-name"
            />
            <NativeSelect
              style={{ flex: 1, minWidth: 0 }}
              label={t('shippingSettings.printers.format')}
              data={FORMATS.map((f) => ({ value: f, label: t(`shippingSettings.formats.${f}`) }))}
              value={p.format}
              onChange={(e) => setPrinter(i, { format: e.currentTarget.value as LabelFormat })}
              data-testid="printer-format"
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('shippingSettings.printers.remove')}
              onClick={() => onChange({ printers: s.printers.filter((_, j) => j !== i) })}
              data-testid="printer-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange({ printers: [...s.printers, { name: '', format: 'a6' }] })}
            data-testid="printer-add"
          >
            {t('shippingSettings.printers.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
