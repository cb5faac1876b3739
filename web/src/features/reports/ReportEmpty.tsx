import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/states';

/** What a report tab shows when the period holds nothing: one sentence, the tab's icon. */
export function ReportEmpty({ icon }: { icon: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <EmptyState
        icon={icon}
        title={t('reports.empty.title')}
        description={t('reports.empty.text')}
        testId="report-empty"
      />
    </Paper>
  );
}
