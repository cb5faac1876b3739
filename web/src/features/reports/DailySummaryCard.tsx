import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowDownRight,
  IconArrowUpRight,
  IconChevronDown,
  IconChevronRight,
  IconMinus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type DayFigures, reportMailApi } from '../../api/report-mail';
import { localeOf } from '../../shared/format';

const OPEN_KEY = 'ecomdir.dailySummary.open';

/** The figures the card shows, in this order; money ones are minor units. */
const FIGURES = [
  'orders_in',
  'packed',
  'shipped',
  'delivered',
  'returned',
  'backlog',
  'cod_collected',
  'cod_outstanding',
] as const satisfies readonly (keyof DayFigures)[];
const MONEY = new Set<string>(['cod_collected', 'cod_outstanding']);
/** For these, fewer is better (the arrow's colour says so). */
const LOWER_IS_BETTER = new Set<string>(['returned', 'backlog', 'cod_outstanding']);

function money(minor: number, currency: string, lang: string): string {
  try {
    const f = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency });
    return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

function Trend({
  now,
  before,
  lowerIsBetter,
}: {
  now: number;
  before: number;
  lowerIsBetter: boolean;
}) {
  const { t } = useTranslation();
  if (now === before)
    return <IconMinus size={14} color="gray" aria-label={t('dailySummary.same')} />;
  const up = now > before;
  const good = up !== lowerIsBetter;
  const Icon = up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Icon
      size={14}
      color={good ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-red-7)'}
      aria-label={t(up ? 'dailySummary.up' : 'dailySummary.down')}
    />
  );
}

/**
 * Yesterday at a glance on the first page: the day's figures with arrows against the day before,
 * the top packers and a link to the reports. Collapsible; the choice is remembered per browser.
 */
export function DailySummaryCard() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== '0');
  const summary = useQuery({
    queryKey: ['reports', 'summary'],
    queryFn: reportMailApi.summary,
    staleTime: 5 * 60_000,
  });
  const toggle = () => {
    localStorage.setItem(OPEN_KEY, open ? '0' : '1');
    setOpen(!open);
  };
  const s = summary.data;
  const num = (n: number) => new Intl.NumberFormat(localeOf(i18n.language)).format(n);
  const show = (key: string, n: number) =>
    MONEY.has(key) && s ? money(n, s.currency, i18n.language) : num(n);

  return (
    <Paper withBorder p="sm" mb="md" data-testid="daily-summary">
      <Group justify="space-between" wrap="nowrap">
        <UnstyledButton onClick={toggle} aria-expanded={open} data-testid="daily-summary-toggle">
          <Group gap={6} wrap="nowrap">
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            <Text fw={600} size="sm">
              {t('dailySummary.title')}
              {s && ` · ${s.day}`}
            </Text>
          </Group>
        </UnstyledButton>
        <Anchor component={Link} to="/reports" size="sm" data-testid="daily-summary-reports">
          {t('dailySummary.toReports')}
        </Anchor>
      </Group>
      {open && summary.isError && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('dailySummary.unavailable')}
        </Text>
      )}
      {open && s && (
        <Stack gap="xs" mt="xs">
          <SimpleGrid cols={{ base: 2, xs: 4, md: 8 }} spacing="xs" verticalSpacing={4}>
            {FIGURES.map((key) => (
              <div key={key} data-testid={`daily-${key}`}>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {t(`dailySummary.figures.${key}`)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Text fw={700} size="md" data-testid={`daily-${key}-value`}>
                    {show(key, s.figures[key])}
                  </Text>
                  <Trend
                    now={s.figures[key]}
                    before={s.previous[key]}
                    lowerIsBetter={LOWER_IS_BETTER.has(key)}
                  />
                </Group>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {t('dailySummary.before', { value: show(key, s.previous[key]) })}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Group gap="xs" data-testid="daily-top-packers">
            <Text size="xs" c="dimmed">
              {t('dailySummary.topPackers')}
            </Text>
            {s.top_packers.length === 0 ? (
              <Text size="xs">{t('dailySummary.noPacker')}</Text>
            ) : (
              s.top_packers.map((p) => (
                <Badge key={p.packer_id} variant="light" tt="none">
                  {p.packer_name}: {num(p.packed)}
                </Badge>
              ))
            )}
            {s.penalties_proposed > 0 && (
              <Badge color="orange" variant="light" tt="none" data-testid="daily-penalties">
                {t('dailySummary.penalties', { count: s.penalties_proposed })}
              </Badge>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
