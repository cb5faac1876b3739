import {
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type GenerateBody, type Locker, shipmentsApi } from '../../api/shipments';
import { useCourierMessage } from '../shipping/CourierAccountRow';
import { LockerPicker } from './LockerPicker';

/** What the person generating may choose; empty fields: the rules and the settings decide. */
export interface GenerateChoice {
  courier: string;
  service: string;
  parcels: number | '';
  weight: string;
  size: { length: number | ''; width: number | ''; height: number | '' };
  saturday: boolean;
  openPackage: boolean;
  locker: Locker | null;
}

export const NO_CHOICE: GenerateChoice = {
  courier: '',
  service: '',
  parcels: '',
  weight: '',
  size: { length: '', width: '', height: '' },
  saturday: false,
  openPackage: false,
  locker: null,
};

/** The request body: only what was chosen (and only the options this courier offers). */
export function bodyOf(c: GenerateChoice): GenerateBody {
  const { length, width, height } = c.size;
  return {
    ...(c.courier && { courier: c.courier }),
    ...(c.service.trim() && { service: c.service.trim() }),
    ...(c.parcels !== '' && { parcels: c.parcels }),
    ...(c.weight.trim() && { weight_kg: c.weight.trim() }),
    ...(length !== '' && width !== '' && height !== '' && { size_cm: { length, width, height } }),
    ...(c.saturday && { saturday: true }),
    ...(c.openPackage && { open_package: true }),
    ...(c.locker && { locker_id: c.locker.id }),
  };
}

/** The price at each courier with a login whose API estimates, next to "Generate AWB". */
export function ShippingEstimates({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const courierMessage = useCourierMessage();
  const q = useQuery({
    queryKey: ['orders', 'detail', orderId, 'estimates'],
    queryFn: () => shipmentsApi.estimates(orderId),
    retry: false,
  });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Stack gap={0} data-testid="shipping-estimates">
      <Text size="xs" fw={600}>
        {t('shipping.estimates.title')}
      </Text>
      {q.data.items.map((e) => (
        <Text key={e.courier} size="xs" data-testid="shipping-estimate">
          {e.courier_name} ({e.service}):{' '}
          {e.amount !== null
            ? `${e.amount} ${e.currency ?? ''}`
            : `${t('shipping.estimates.failed')} — ${e.messages.map(courierMessage).join('; ')}`}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Courier, service, parcels, weight and box, and — where the chosen courier offers them —
 * Saturday delivery, open package and a locker.
 */
export function GenerateOptions({
  value,
  onChange,
}: {
  value: GenerateChoice;
  onChange: (c: GenerateChoice) => void;
}) {
  const { t } = useTranslation();
  const couriers = useQuery({ queryKey: ['shipping', 'couriers'], queryFn: shipmentsApi.couriers });
  const info = couriers.data?.items.find((c) => c.key === value.courier);
  const set = (patch: Partial<GenerateChoice>) => onChange({ ...value, ...patch });
  const dim = (k: 'length' | 'width' | 'height') => (
    <NumberInput
      label={t(`shipping.options.${k}`)}
      min={1}
      max={500}
      allowDecimal={false}
      value={value.size[k]}
      onChange={(v) => set({ size: { ...value.size, [k]: typeof v === 'number' ? v : '' } })}
      data-testid={`generate-${k}`}
    />
  );
  return (
    <Stack gap="xs" data-testid="generate-options">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <NativeSelect
          label={t('shipping.options.courier')}
          value={value.courier}
          onChange={(e) =>
            // Options of another courier do not carry over.
            onChange({
              ...NO_CHOICE,
              parcels: value.parcels,
              weight: value.weight,
              size: value.size,
              courier: e.currentTarget.value,
            })
          }
          data={[
            { value: '', label: t('shipping.options.byRule') },
            ...(couriers.data?.items ?? []).map((c) => ({
              value: c.key,
              label: t(`shippingSettings.couriers.${c.key}`, { defaultValue: c.name }),
            })),
          ]}
          data-testid="generate-courier"
        />
        <TextInput
          label={t('shipping.options.service')}
          placeholder={t('shipping.options.servicePlaceholder')}
          value={value.service}
          onChange={(e) => set({ service: e.currentTarget.value })}
          data-testid="generate-service"
        />
        <NumberInput
          label={t('shipping.options.parcels')}
          min={1}
          max={50}
          allowDecimal={false}
          value={value.parcels}
          onChange={(v) => set({ parcels: typeof v === 'number' ? v : '' })}
          data-testid="generate-parcels"
        />
        <TextInput
          label={t('shipping.options.weight')}
          inputMode="decimal"
          value={value.weight}
          onChange={(e) => set({ weight: e.currentTarget.value })}
          data-testid="generate-weight"
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="xs">
        {dim('length')}
        {dim('width')}
        {dim('height')}
      </SimpleGrid>
      <Group gap="md">
        {info?.capabilities.saturday && (
          <Checkbox
            label={t('shipping.options.saturday')}
            checked={value.saturday}
            onChange={(e) => set({ saturday: e.currentTarget.checked })}
            data-testid="generate-saturday"
          />
        )}
        {info?.capabilities.open_package && (
          <Checkbox
            label={t('shipping.options.openPackage')}
            checked={value.openPackage}
            onChange={(e) => set({ openPackage: e.currentTarget.checked })}
            data-testid="generate-open-package"
          />
        )}
      </Group>
      {info?.capabilities.lockers && (
        <LockerPicker
          courier={info.key}
          value={value.locker}
          onChange={(locker) => set({ locker })}
        />
      )}
    </Stack>
  );
}
