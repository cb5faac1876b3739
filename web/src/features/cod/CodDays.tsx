import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CodDay, codApi, fromMinor } from '../../api/cod';
import { ErrorText, QueryContent } from '../../shared/states';
import { useFormat } from '../../shared/use-format';

/** The totals (outstanding, overdue past N days, returned, unmatched) and the per-day table. */
export function CodDays() {
  const { t } = useTranslation();
  const { money } = useFormat();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const summary = useQuery({
    queryKey: ['cod', 'summary', range],
    queryFn: () => codApi.summary(range),
  });
  const m = (minor: number) => money(fromMinor(minor), summary.data?.currency);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setRange({ from: draft.from || undefined, to: draft.to || undefined });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('cod.days.title')}</Title>
        <QueryContent query={summary}>
          {(s) => (
            <>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                <Figure
                  label={t('cod.totals.outstanding')}
                  value={m(s.totals.outstanding)}
                  testId="cod-total-outstanding"
                />
                <Figure
                  label={t('cod.totals.overdue', { days: s.overdue_days })}
                  value={m(s.totals.overdue)}
                  note={t('cod.totals.parcels', { count: s.totals.overdue_count })}
                  color={s.totals.overdue > 0 ? 'red' : undefined}
                  testId="cod-total-overdue"
                />
                <Figure
                  label={t('cod.totals.returned')}
                  value={m(s.totals.returned)}
                  note={t('cod.totals.parcels', { count: s.totals.returned_count })}
                  color={s.totals.returned_count > 0 ? 'orange' : undefined}
                  testId="cod-total-returned"
                />
                <Figure
                  label={t('cod.totals.unmatched')}
                  value={m(s.totals.unmatched)}
                  note={t('cod.totals.lines', { count: s.totals.unmatched_count })}
                  testId="cod-total-unmatched"
                />
              </SimpleGrid>
              <form onSubmit={apply}>
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <TextInput
                    type="date"
                    label={t('cod.days.from')}
                    value={draft.from || s.from}
                    onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
                  />
                  <TextInput
                    type="date"
                    label={t('cod.days.to')}
                    value={draft.to || s.to}
                    onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
                  />
                  <Button type="submit" variant="default">
                    {t('cod.days.show')}
                  </Button>
                </Group>
              </form>
              <Text size="xs" c="dimmed">
                {t('cod.days.help', { timezone: s.timezone })} {t('cod.days.onlyActive')}
              </Text>
              <Table.ScrollContainer minWidth={620}>
                <Table striped withTableBorder data-testid="cod-days">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cod.days.day')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.expected')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.collected')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.paidOut')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.outstanding')}</Table.Th>
                      <Table.Th>{t('cod.days.flags')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {active(s.days).map((d) => (
                      <Table.Tr key={d.day} data-testid="cod-day" data-day={d.day}>
                        <Table.Td>{d.day}</Table.Td>
                        <Table.Td ta="right">{m(d.expected)}</Table.Td>
                        <Table.Td ta="right">{m(d.collected)}</Table.Td>
                        <Table.Td ta="right" data-testid="cod-day-paid">
                          {m(d.paid_out)}
                        </Table.Td>
                        <Table.Td ta="right">{m(d.outstanding)}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {d.overdue > 0 && (
                              <Badge color="red" size="sm">
                                {t('cod.flags.overdue')}
                              </Badge>
                            )}
                            {d.returned > 0 && (
                              <Badge color="orange" size="sm">
                                {t('cod.flags.returnedCount', { count: d.returned })}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {active(s.days).length === 0 && (
                <Text size="sm" c="dimmed" data-testid="cod-days-empty">
                  {t('cod.days.empty')}
                </Text>
              )}
              <OverdueSetting days={s.overdue_days} />
            </>
          )}
        </QueryContent>
      </Stack>
    </Paper>
  );
}

/** Days with COD activity, newest first: a month of zero rows would bury the ones that count. */
const active = (days: CodDay[]) =>
  days
    .filter((d) => d.expected || d.collected || d.paid_out || d.outstanding || d.returned)
    .reverse();

function Figure(props: {
  label: string;
  value: string;
  note?: string;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={props.testId}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="lg" c={props.color}>
        {props.value}
      </Text>
      {props.note && (
        <Text size="xs" c="dimmed">
          {props.note}
        </Text>
      )}
    </Paper>
  );
}

/** N of "outstanding past N days". */
function OverdueSetting({ days }: { days: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState<number>(days);
  useEffect(() => setValue(days), [days]);
  const save = useMutation({
    mutationFn: () => codApi.saveSettings({ overdue_days: value }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cod'] }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NumberInput
          label={t('cod.settings.overdueDays')}
          min={1}
          max={365}
          value={value}
          onChange={(v) => setValue(typeof v === 'number' ? v : Number(v) || 1)}
          w={200}
        />
        <Button type="submit" variant="default" loading={save.isPending}>
          {t('common.save')}
        </Button>
        {save.isError && <ErrorText error={save.error} />}
      </Group>
    </form>
  );
}
