import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiJson } from '../../api/contract';
import { TimelineTable } from '../../shared/TimelineTable';
import { Section } from './OrderSections';

export type WrongScan = ApiJson<'/api/orders/{id}', 'get'>['wrong_scans'][number];

/** The scanned code, as the scanner typed it. */
export function ScannedCode({ code }: { code: string }) {
  return (
    <Text size="sm" ff="monospace">
      {code}
    </Text>
  );
}

/** Why the scan did not belong (a product not in the order, one piece too many). */
export function WrongScanKind({ kind }: { kind: WrongScan['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {t(`order.wrongScanKind.${kind}`)}
    </Badge>
  );
}

/** Scans at the station that did not belong (wrong product, one too many): recorded, shown here. */
export function WrongScansSection({ scans }: { scans: WrongScan[] }) {
  const { t } = useTranslation();
  if (scans.length === 0) return null;
  return (
    <Section title={t('order.wrongScans', { count: scans.length })} testId="order-wrong-scans">
      <TimelineTable
        rows={scans}
        rowTestId="wrong-scan-row"
        minWidth={420}
        columns={[
          { header: t('order.packer'), cell: (s) => s.packer ?? '—' },
          { header: t('order.scannedCode'), cell: (s) => <ScannedCode code={s.code} /> },
          { header: t('order.why'), cell: (s) => <WrongScanKind kind={s.kind} /> },
        ]}
      />
    </Section>
  );
}
