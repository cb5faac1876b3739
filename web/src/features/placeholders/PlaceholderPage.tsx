import { Paper } from '@mantine/core';
import { IconBuildingStore, IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/states';
import { PageHeader } from '../../shared/PageHeader';

const ICONS = {
  stores: IconBuildingStore,
  reports: IconChartBar,
} as const;

/** Navigation targets whose features arrive with later issues. */
export function PlaceholderPage({ feature }: { feature: keyof typeof ICONS }) {
  const { t } = useTranslation();
  const Icon = ICONS[feature];
  return (
    <>
      <PageHeader title={t(`nav.${feature}`)} />
      <Paper withBorder>
        <EmptyState
          icon={<Icon size={30} />}
          title={t(`placeholders.${feature}.title`)}
          description={t(`placeholders.${feature}.text`)}
          testId={`placeholder-${feature}`}
        />
      </Paper>
    </>
  );
}
