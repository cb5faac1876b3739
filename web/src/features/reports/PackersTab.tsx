import { SimpleGrid, Stack, useMantineTheme } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryContent } from '../../shared/states';
import { ReportEmpty } from './ReportEmpty';
import { ChartFrame } from './ChartFrame';
import { PackersTable } from './PackersTable';
import { binLabel, countText, seriesOrder } from './report-format';
import { reportKey, reportsApi, type PackersReport, type ReportFilter } from './reports-api';
import { TabHeader } from './TabHeader';

/** Who packed what, how fast, how well: the table, packers side by side, time to pack. */
export function PackersTab({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: reportKey('packers', filter),
    queryFn: () => reportsApi.packers(filter),
  });
  return (
    <>
      <TabHeader title={t('reports.tabs.packers')} kind="packers" filter={filter} />
      <QueryContent
        query={report}
        isEmpty={(d) => d.packers.every((p) => p.assigned === 0 && p.packed === 0)}
        empty={<ReportEmpty icon={<IconUsers size={30} />} />}
      >
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <PackersChart data={data} />
              <TimeToPackChart data={data} />
            </SimpleGrid>
            <PackersTable data={data} />
          </Stack>
        )}
      </QueryContent>
    </>
  );
}

const tooltipNumber = (lang: string) => (value: unknown) =>
  typeof value === 'number' ? countText(value, lang) : String(value);

function PackersChart({ data }: { data: PackersReport }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const rows = data.packers.filter((p) => p.assigned > 0 || p.packed > 0);
  return (
    <ChartFrame title={t('reports.charts.packersSideBySide')} testId="chart-packers">
      <BarChart data={rows} margin={{ top: 20, right: 8, left: 0, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="packer_name" interval={0} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip itemSorter={seriesOrder} formatter={tooltipNumber(i18n.language)} />
        <Legend itemSorter={null} />
        <Bar
          dataKey="packed"
          name={t('reports.packers.packed')}
          fill={theme.colors.blue[6]}
          isAnimationActive={false}
        >
          <LabelList dataKey="packed" position="top" fontSize={11} />
        </Bar>
        <Bar
          dataKey="items_packed"
          name={t('reports.packers.items')}
          fill={theme.colors.teal[5]}
          isAnimationActive={false}
        >
          <LabelList dataKey="items_packed" position="top" fontSize={11} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

function TimeToPackChart({ data }: { data: PackersReport }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const bins = data.time_to_pack.map((b) => ({
    label: binLabel(b.from_minutes, b.to_minutes),
    count: b.count,
  }));
  return (
    <ChartFrame title={t('reports.charts.timeToPack')} testId="chart-time-to-pack">
      <BarChart data={bins} margin={{ top: 20, right: 8, left: 0, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {/* Slanted: eight bin labels stay readable on a phone. */}
        <XAxis
          dataKey="label"
          interval={0}
          angle={-35}
          textAnchor="end"
          height={56}
          tick={{ fontSize: 11 }}
        />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip itemSorter={seriesOrder} formatter={tooltipNumber(i18n.language)} />
        <Bar
          dataKey="count"
          name={t('reports.charts.packs')}
          fill={theme.colors.violet[5]}
          isAnimationActive={false}
        >
          <LabelList dataKey="count" position="top" fontSize={11} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
