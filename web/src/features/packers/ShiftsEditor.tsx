import { ActionIcon, Button, Group, Stack, Table, Text } from '@mantine/core';
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
  return (
    <Table verticalSpacing={6} data-testid="shifts-editor" layout="fixed">
      <Table.Tbody>
        {WEEKDAYS.map((day) => (
          <Table.Tr key={day} data-testid={`shift-day-${day}`}>
            <Table.Td w={100} style={{ verticalAlign: 'top' }}>
              <Text size="sm" fw={500} mt={6}>
                {t(`weekdays.long.${day}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={6}>
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
            </Table.Td>
            <Table.Td w={190} style={{ verticalAlign: 'top' }}>
              <Group gap={4} justify="flex-end" wrap="nowrap">
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
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
