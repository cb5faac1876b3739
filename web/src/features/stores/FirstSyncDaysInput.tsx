import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FIRST_SYNC_DAYS } from './sync-settings';

/** How far back a store's first sync goes: the one field of Add store and a store's settings. */
export function FirstSyncDaysInput(
  props: Omit<NumberInputProps, 'label' | 'min' | 'max' | 'allowDecimal' | 'allowNegative'>,
) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('stores.settings.firstSyncDays')}
      min={FIRST_SYNC_DAYS.min}
      max={FIRST_SYNC_DAYS.max}
      allowDecimal={false}
      allowNegative={false}
      {...props}
    />
  );
}
