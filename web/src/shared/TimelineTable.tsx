import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './use-format';

export interface TimelineColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * Rows that happened at a moment (the change log, wrong scans): the time first, never wrapped,
 * then the caller's columns. One component so every timeline reads and scrolls the same way.
 */
export function TimelineTable<T extends { id: number; created_at: string }>({
  rows,
  columns,
  rowTestId,
  minWidth = 640,
  striped = false,
}: {
  rows: readonly T[];
  columns: TimelineColumn<T>[];
  rowTestId: string;
  minWidth?: number;
  striped?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="xs" striped={striped}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('order.when')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid={rowTestId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(row.created_at)}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
