import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/use-format';
import { fromMinor } from '../penalties/penalty-format';
import { countText, minutesText, rateText } from './report-format';
import type { PackerRow, PackersReport } from './reports-api';

type Durations = PackerRow['to_confirm'];
const DURATION_KEYS = ['median_work', 'p90_work', 'median_wall', 'p90_wall'] as const;

/** Every figure of every packer; grouped headers so 20 columns stay readable. */
export function PackersTable({ data }: { data: PackersReport }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const n = (x: number) => countText(x, i18n.language);
  const durations = (d: Durations, group: string) =>
    DURATION_KEYS.map((k) => (
      <Table.Td key={k} ta="right" style={{ whiteSpace: 'nowrap' }} data-col={`${group}.${k}`}>
        {minutesText(d[k])}
      </Table.Td>
    ));
  return (
    <Table.ScrollContainer minWidth={1500} className="report-table" data-scroll-x>
      <Table verticalSpacing={6} striped withColumnBorders data-testid="packers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>{t('reports.packers.packer')}</Table.Th>
            <Table.Th colSpan={4} ta="center">
              {t('reports.packers.orders')}
            </Table.Th>
            <Table.Th colSpan={4} ta="center">
              {t('reports.packers.toConfirm')}
            </Table.Th>
            <Table.Th colSpan={4} ta="center">
              {t('reports.packers.toPack')}
            </Table.Th>
            <Table.Th colSpan={2} ta="center">
              {t('reports.packers.scans')}
            </Table.Th>
            <Table.Th colSpan={4} ta="center">
              {t('reports.packers.penalties')}
            </Table.Th>
            <Table.Th rowSpan={2} ta="right">
              {t('reports.packers.movedAway')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th ta="right">{t('reports.packers.assigned')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.confirmed')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.packed')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.items')}</Table.Th>
            {[0, 1].flatMap((g) =>
              DURATION_KEYS.map((k) => (
                <Table.Th key={`${g}${k}`} ta="right">
                  {t(`reports.durations.${k}`)}
                </Table.Th>
              )),
            )}
            <Table.Th ta="right">{t('reports.packers.withMismatch')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.mismatchRate')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.proposed')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.applied')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.waived')}</Table.Th>
            <Table.Th ta="right">{t('reports.packers.sum')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.packers.map((p) => (
            <Table.Tr key={p.packer_id} data-testid="packer-row" data-packer={p.packer_name}>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                {p.packer_name}
              </Table.Td>
              <Table.Td ta="right" data-col="assigned">
                {n(p.assigned)}
              </Table.Td>
              <Table.Td ta="right" data-col="confirmed">
                {n(p.confirmed)}
              </Table.Td>
              <Table.Td ta="right" data-col="packed">
                {n(p.packed)}
              </Table.Td>
              <Table.Td ta="right" data-col="items_packed">
                {n(p.items_packed)}
              </Table.Td>
              {durations(p.to_confirm, 'to_confirm')}
              {durations(p.to_pack, 'to_pack')}
              <Table.Td ta="right" data-col="orders_with_mismatch">
                {n(p.orders_with_mismatch)}
              </Table.Td>
              <Table.Td ta="right" data-col="scan_mismatch_rate">
                {rateText(p.scan_mismatch_rate, i18n.language)}
              </Table.Td>
              <Table.Td ta="right" data-col="penalties_proposed">
                {n(p.penalties_proposed)}
              </Table.Td>
              <Table.Td ta="right" data-col="penalties_applied">
                {n(p.penalties_applied)}
              </Table.Td>
              <Table.Td ta="right" data-col="penalties_waived">
                {n(p.penalties_waived)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-col="penalties_sum">
                {fmt.money(fromMinor(p.penalties_sum), data.currency)}
              </Table.Td>
              <Table.Td ta="right" data-col="moved_away">
                {n(p.moved_away)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
