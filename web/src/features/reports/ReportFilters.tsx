import { Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { shippingSettingsApi } from '../../api/shipping-settings';
import { storesApi } from '../../api/stores';
import { PRESETS, type Period, type Preset } from './period';
import { ReportRangeInputs } from './ReportRangeInputs';

interface Props {
  period: Period;
  storeId: number | undefined;
  courier: string | undefined;
  onPeriod: (p: Period) => void;
  onStore: (id: number | undefined) => void;
  onCourier: (key: string | undefined) => void;
}

/** Period, store and courier: native selects and two day fields, all reachable by keyboard. */
export function ReportFilters(props: Props) {
  const { t } = useTranslation();
  const stores = useQuery({ queryKey: ['stores'], queryFn: storesApi.list });
  const couriers = useQuery({
    queryKey: ['shipping', 'couriers'],
    queryFn: shippingSettingsApi.couriers,
  });
  const { period } = props;
  return (
    // Aligned at the top: a range typed the wrong way round says so under its fields.
    <Group gap="sm" align="flex-start" wrap="wrap" mb="md" className="no-print">
      <NativeSelect
        label={t('reports.filters.period')}
        data={PRESETS.map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
        value={period.preset}
        onChange={(e) => {
          const preset = e.currentTarget.value as Preset;
          // A custom period starts from the days shown now, to be changed in the day fields.
          props.onPeriod({ preset, from: period.from, to: period.to });
        }}
        w={200}
        data-testid="report-period"
      />
      {period.preset === 'custom' && (
        <ReportRangeInputs period={period} onPeriod={props.onPeriod} />
      )}
      <NativeSelect
        label={t('reports.filters.store')}
        data={[
          { value: '', label: t('reports.filters.allStores') },
          ...(stores.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name })),
        ]}
        value={props.storeId ? String(props.storeId) : ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onStore(v ? Number(v) : undefined);
        }}
        w={220}
        data-testid="report-store"
      />
      <NativeSelect
        label={t('reports.filters.courier')}
        data={[
          { value: '', label: t('reports.filters.allCouriers') },
          ...(couriers.data?.items ?? []).map((c) => ({ value: c.key, label: c.name })),
        ]}
        value={props.courier ?? ''}
        onChange={(e) => props.onCourier(e.currentTarget.value || undefined)}
        w={200}
        data-testid="report-courier"
      />
    </Group>
  );
}
