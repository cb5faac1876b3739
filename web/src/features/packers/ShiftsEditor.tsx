import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday, type WeeklySchedule } from '../../api/packers';

interface Props {
  value: WeeklySchedule;
  onChange: (next: WeeklySchedule) => void;
  errors: Partial<Record<string, string>>;
}

const MAX_PER_DAY = 4;

/** Weekly schedule: up to four time intervals per day, in the account's time zone. */
export function ShiftsEditor({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, intervals: WeeklySchedule[Weekday]) =>
    onChange({ ...value, [day]: intervals });
  const copyToWeekdays = (day: Weekday) => {
    const next = { ...value };
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const)
      next[d] = value[day].map((x) => ({ ...x }));
    onChange(next);
  };
  const anyInterval = WEEKDAYS.some((d) => value[d].length > 0);
  // One row per day that wraps: on a wide screen day | intervals | buttons on one line; on a
  // phone the intervals take their own line under the day (a fixed three-column table left
  // them 36 px and the "Interval" button lay over the end time, found by the journey test).
  return (
    <Stack gap={0} data-testid="shifts-editor">
      {WEEKDAYS.map((day) => (
        <Group
          key={day}
          data-testid={`shift-day-${day}`}
          gap="xs"
          align="flex-start"
          wrap="wrap"
          py={6}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Text size="sm" fw={500} mt={6} w={100}>
            {t(`weekdays.long.${day}`)}
          </Text>
          <Stack gap={6} style={{ flex: '1 1 250px', order: 1 }}>
            {value[day].length === 0 && (
              <Text size="sm" c="dimmed" mt={6}>
                {/* An empty schedule means always available; only among other days is an
                    empty one a day off. */}
                {t(anyInterval ? 'shifts.off' : 'shifts.always')}
              </Text>
            )}
            {value[day].map((iv, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <TimePicker
                  format="24h"
                  withDropdown
                  aria-label={t('shifts.start', { day: t(`weekdays.long.${day}`) })}
                  value={iv.start}
                  onChange={(start) => {
                    setDay(
                      day,
                      value[day].map((x, j) => (j === i ? { ...x, start } : x)),
                    );
                  }}
                  w={100}
                  size="xs"
                />
                <Text size="sm">–</Text>
                <TimePicker
                  format="24h"
                  withDropdown
                  aria-label={t('shifts.end', { day: t(`weekdays.long.${day}`) })}
                  value={iv.end}
                  onChange={(end) => {
                    setDay(
                      day,
                      value[day].map((x, j) => (j === i ? { ...x, end } : x)),
                    );
                  }}
                  w={100}
                  size="xs"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('shifts.remove')}
                  onClick={() =>
                    setDay(
                      day,
                      value[day].filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
            {errors[day] && (
              <Text size="xs" c="red">
                {errors[day]}
              </Text>
            )}
          </Stack>
          <Group gap={4} justify="flex-end" wrap="nowrap" ml="auto" style={{ order: 2 }}>
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconPlus size={12} />}
              disabled={value[day].length >= MAX_PER_DAY}
              onClick={() => setDay(day, [...value[day], { start: '08:00', end: '16:00' }])}
            >
              {t('shifts.add')}
            </Button>
            {day === 'mon' && value.mon.length > 0 && (
              <ActionIcon
                variant="subtle"
                aria-label={t('shifts.copyToWeekdays')}
                title={t('shifts.copyToWeekdays')}
                onClick={() => copyToWeekdays('mon')}
              >
                <IconCopy size={14} />
              </ActionIcon>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
