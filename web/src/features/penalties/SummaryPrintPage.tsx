import { Box, Button, Group, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { localeOf } from '../../shared/format';
import { QueryContent } from '../../shared/states';
import { useSession } from '../auth/session';
import { penaltiesApi } from './penalties-api';
import { monthLabel } from './penalty-format';
import { SummaryTable, summaryKey } from './SummaryTab';

/**
 * The monthly summary alone on a page, without the menu, for the browser's Print: what a
 * payroll person files. The Print button itself is not printed.
 */
export function SummaryPrintPage() {
  const { t, i18n } = useTranslation();
  const month = useParams().month ?? '';
  const me = useSession();
  const summary = useQuery({
    queryKey: summaryKey(month),
    queryFn: () => penaltiesApi.summary(month),
  });
  return (
    <Box p="lg" maw={960} mx="auto" data-testid="summary-print-page">
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <div>
          <Title order={2}>
            {t('penalties.summary.printTitle', {
              month: monthLabel(month, localeOf(i18n.language)),
            })}
          </Title>
          <Text c="dimmed">{me.account.name}</Text>
        </div>
        <Button
          className="no-print"
          leftSection={<IconPrinter size={16} />}
          onClick={() => window.print()}
          data-testid="print-now"
        >
          {t('penalties.summary.print')}
        </Button>
      </Group>
      <QueryContent query={summary}>{(data) => <SummaryTable data={data} />}</QueryContent>
    </Box>
  );
}
