import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reportsApi, type ReportFilter, type ReportKind } from './reports-api';

/**
 * CSV and XLSX of the tab's report with the page's filters, in the UI language: plain links,
 * so the browser downloads the attachment with the server's file name.
 */
export function ExportButtons({ kind, filter }: { kind: ReportKind; filter: ReportFilter }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" className="no-print">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={reportsApi.exportUrl(kind, filter, format, i18n.language)}
          download
          variant="default"
          size="xs"
          leftSection={
            format === 'csv' ? <IconFileTypeCsv size={16} /> : <IconFileSpreadsheet size={16} />
          }
          aria-label={t(`reports.export.${format}`)}
          data-testid={`export-${kind}-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
