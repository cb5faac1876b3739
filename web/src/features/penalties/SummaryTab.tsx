import { Button, Group, NativeSelect, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconPrinter,
  IconReceipt,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localeOf } from '../../shared/format';
import { openDocument } from '../../shared/open-document';
import { EmptyState, QueryContent, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { PENALTIES_KEY, penaltiesApi, type PenaltySummary } from './penalties-api';
import { fromMinor, monthLabel, recentMonths, typeName } from './penalty-format';

export const summaryKey = (month: string) => [...PENALTIES_KEY, 'summary', month] as const;

/** The month's applied penalties per packer, for payroll: on screen, as CSV or XLSX, printed. */
export function SummaryTab() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const months = useMemo(() => recentMonths(new Date(), fmt.timezone), [fmt.timezone]);
  const [month, setMonth] = useState(months[0] ?? '');
  const summary = useQuery({
    queryKey: summaryKey(month),
    queryFn: () => penaltiesApi.summary(month),
  });
  const download = (format: 'csv' | 'xlsx') =>
    openDocument(
      () => penaltiesApi.exportSummary(month, format),
      `penalties-${month}.${format}`,
    ).catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <NativeSelect
          aria-label={t('penalties.summary.month')}
          data={months.map((m) => ({ value: m, label: monthLabel(m, localeOf(i18n.language)) }))}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          w={200}
          data-testid="summary-month"
        />
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconFileTypeCsv size={16} />}
            onClick={() => void download('csv')}
            data-testid="summary-csv"
          >
            CSV
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => void download('xlsx')}
            data-testid="summary-xlsx"
          >
            XLSX
          </Button>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            component={Link}
            to={`/penalties/print/${month}`}
            target="_blank"
            data-testid="summary-print"
          >
            {t('penalties.summary.print')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder>
        <QueryContent
          query={summary}
          isEmpty={(d) => d.items.length === 0}
          empty={
            <EmptyState
              icon={<IconReceipt size={30} />}
              title={t('penalties.summary.emptyTitle')}
              description={t('penalties.summary.emptyText')}
              testId="summary-empty"
            />
          }
        >
          {(data) => <SummaryTable data={data} />}
        </QueryContent>
      </Paper>
    </>
  );
}

/** The summary as a table; the same one on screen and on the printed page. */
export function SummaryTable({ data }: { data: PenaltySummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (minor: number) => fmt.money(fromMinor(minor), data.currency);
  const total = data.items.reduce((s, i) => s + i.total_minor, 0);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="summary-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('penalties.fields.packer')}</Table.Th>
            <Table.Th>{t('penalties.summary.byType')}</Table.Th>
            <Table.Th ta="right">{t('penalties.summary.count')}</Table.Th>
            <Table.Th ta="right">{t('penalties.summary.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((row) => (
            <Table.Tr key={row.packer_id} data-testid="summary-row">
              <Table.Td fw={600}>{row.packer_name}</Table.Td>
              <Table.Td>
                {row.by_type.map((x) => (
                  <Text size="sm" key={x.type_id}>
                    {typeName({ code: x.type_code, name: x.type_name }, t)} × {x.count} ·{' '}
                    {money(x.total_minor)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{row.count}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="summary-total">
                {money(row.total_minor)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>{t('penalties.summary.grandTotal')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {money(total)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
