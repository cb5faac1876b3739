import { Group, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_FORMAT, parseTypedDay, type Period } from './period';

interface Props {
  period: Period;
  onPeriod: (p: Period) => void;
}

type Range = { from: string; to: string };

/**
 * The two ends of an "other days" period, typed (day, month, year) or picked on the calendar
 * each field opens. Two fields rather than one range picker: a person can type them, and can
 * get them the wrong way round, which is then said in words; the address (and so the report)
 * changes only for a range in order, so the tables keep showing the days they name.
 */
export function ReportRangeInputs({ period, onPeriod }: Props) {
  const { t, i18n } = useTranslation();
  // What was typed, until the address says the same (or for as long as it is out of order).
  const [typed, setTyped] = useState<Range | null>(null);
  if (typed && typed.from === period.from && typed.to === period.to) setTyped(null);
  const shown = typed ?? period;
  const reversed = shown.from > shown.to;
  const format = DAY_FORMAT[i18n.language === 'en' ? 'en' : 'ro'];

  const change = (end: keyof Range, day: string | null) => {
    if (!day) return;
    const next = { ...shown, [end]: day };
    setTyped(next);
    if (next.from <= next.to) onPeriod({ preset: 'custom', ...next });
  };
  const field = (end: keyof Range) => (
    <DateInput
      label={t(`reports.filters.${end}`)}
      value={shown[end]}
      onChange={(day) => change(end, day)}
      dateParser={parseTypedDay}
      valueFormat={format}
      placeholder={format.toLowerCase()}
      error={reversed}
      aria-describedby={reversed ? 'report-range-error' : undefined}
      w={150}
      data-testid={`report-${end}`}
    />
  );

  return (
    <Stack gap={4} maw={312}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        {field('from')}
        {field('to')}
      </Group>
      {reversed && (
        <Text
          id="report-range-error"
          role="alert"
          c="red"
          size="sm"
          data-testid="report-range-error"
        >
          {t('reports.filters.reversed')}
        </Text>
      )}
    </Stack>
  );
}
