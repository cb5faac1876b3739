import { Stack, Table, useMantineTheme } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { QueryContent } from '../../shared/states';
import { ReportEmpty } from './ReportEmpty';
import { useFormat } from '../../shared/use-format';
import { fromMinor } from '../penalties/penalty-format';
import { ChartFrame } from './ChartFrame';
import { countText, dayLong, dayShort, seriesOrder } from './report-format';
import { reportKey, reportsApi, type DaysReport, type ReportFilter } from './reports-api';
import { TabHeader } from './TabHeader';

const COUNTS = ['orders_in', 'distributed', 'packed', 'shipped', 'delivered', 'returned'] as const;
const MONEY = ['cod_to_collect', 'cod_collected'] as const;

/** A period with nothing in it at all (every day zero): the empty state, not a flat chart. */
const nothing = (d: DaysReport) =>
  d.days.every(
    (r) =>
      COUNTS.every((k) => r[k] === 0) &&
      r.cod_to_collect === 0 &&
      r.cod_collected === 0 &&
      r.cod_outstanding === 0 &&
      r.backlog === 0,
  );

/** Per local day of the account: the flow of orders, COD and the backlog at day end. */
export function DaysTab({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: reportKey('days', filter),
    queryFn: () => reportsApi.days(filter),
  });
  return (
    <>
      <TabHeader title={t('reports.tabs.days')} kind="days" filter={filter} />
      <QueryContent
        query={report}
        isEmpty={nothing}
        empty={<ReportEmpty icon={<IconCalendarStats size={30} />} />}
      >
        {(data) => (
          <Stack gap="md">
            <DaysChart data={data} />
            <DaysTable data={data} />
          </Stack>
        )}
      </QueryContent>
    </>
  );
}

/** Up to this many days the three figures stand side by side as bars; beyond, as lines. */
const BARS_UP_TO_DAYS = 45;

function DaysChart({ data }: { data: DaysReport }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const series = [
    { key: 'orders_in', color: theme.colors.blue[6] },
    { key: 'packed', color: theme.colors.teal[6] },
    { key: 'shipped', color: theme.colors.orange[6] },
  ] as const;
  const bars = data.days.length <= BARS_UP_TO_DAYS;
  const parts = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="day" tickFormatter={(d: string) => dayShort(d, i18n.language)} />,
    <YAxis key="y" allowDecimals={false} width={40} />,
    <Tooltip
      key="tip"
      itemSorter={seriesOrder}
      labelFormatter={(d) => (typeof d === 'string' ? dayLong(d, i18n.language) : '')}
      formatter={(v) => (typeof v === 'number' ? countText(v, i18n.language) : String(v))}
    />,
    <Legend key="legend" itemSorter={null} />,
  ];
  const margin = { top: 12, right: 12, left: 0, bottom: 4 };
  return (
    <ChartFrame title={t('reports.charts.ordersPerDay')} testId="chart-days">
      {bars ? (
        <BarChart data={data.days} margin={margin}>
          {parts}
          {series.map((l) => (
            <Bar
              key={l.key}
              dataKey={l.key}
              name={t(`reports.days.${l.key}`)}
              fill={l.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      ) : (
        <LineChart data={data.days} margin={margin}>
          {parts}
          {series.map((l) => (
            <Line
              key={l.key}
              type="linear"
              dataKey={l.key}
              name={t(`reports.days.${l.key}`)}
              stroke={l.color}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}

function DaysTable({ data }: { data: DaysReport }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const money = (minor: number) => fmt.money(fromMinor(minor), data.currency);
  const n = (x: number) => countText(x, i18n.language);
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={1100} className="report-table" data-scroll-x>
      <Table verticalSpacing={6} striped data-testid="days-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.days.day')}</Table.Th>
            {COUNTS.map((k) => (
              <Table.Th key={k} ta="right">
                {t(`reports.days.${k}`)}
              </Table.Th>
            ))}
            {[...MONEY, 'cod_outstanding' as const].map((k) => (
              <Table.Th key={k} ta="right">
                {t(`reports.days.${k}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('reports.days.backlog')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.days.map((r) => (
            <Table.Tr key={r.day} data-testid="day-row" data-day={r.day}>
              <Table.Td style={nowrap}>{dayLong(r.day, i18n.language)}</Table.Td>
              {COUNTS.map((k) => (
                <Table.Td key={k} ta="right" data-col={k}>
                  {n(r[k])}
                </Table.Td>
              ))}
              {[...MONEY, 'cod_outstanding' as const].map((k) => (
                <Table.Td key={k} ta="right" style={nowrap} data-col={k}>
                  {money(r[k])}
                </Table.Td>
              ))}
              <Table.Td ta="right" data-col="backlog">
                {n(r.backlog)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {/* Outstanding COD and the backlog are states at a day's end, not sums: no total. */}
          <Table.Tr data-testid="days-totals">
            <Table.Th>{t('reports.total')}</Table.Th>
            {COUNTS.map((k) => (
              <Table.Th key={k} ta="right" data-col={k}>
                {n(data.totals[k])}
              </Table.Th>
            ))}
            {MONEY.map((k) => (
              <Table.Th key={k} ta="right" style={nowrap} data-col={k}>
                {money(data.totals[k])}
              </Table.Th>
            ))}
            <Table.Th ta="right">—</Table.Th>
            <Table.Th ta="right">—</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
