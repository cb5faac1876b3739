import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiJson } from '../../api/contract';
import { useFormat } from '../../shared/use-format';
import { Section } from './OrderSections';

export type WrongScan = ApiJson<'/api/orders/{id}', 'get'>['wrong_scans'][number];

/** Scans at the station that did not belong (wrong product, one too many): recorded, shown here. */
export function WrongScansSection({ scans }: { scans: WrongScan[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (scans.length === 0) return null;
  return (
    <Section title={t('order.wrongScans', { count: scans.length })} testId="order-wrong-scans">
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('order.when')}</Table.Th>
              <Table.Th>{t('order.packer')}</Table.Th>
              <Table.Th>{t('order.scannedCode')}</Table.Th>
              <Table.Th>{t('order.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scans.map((s) => (
              <Table.Tr key={s.id} data-testid="wrong-scan-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(s.created_at)}</Table.Td>
                <Table.Td>{s.packer ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color="red" variant="light">
                    {t(`order.wrongScanKind.${s.kind}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
