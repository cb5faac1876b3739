import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { CodCourierImport } from './CodCourierImport';
import { CodDays } from './CodDays';
import { CodFileImport } from './CodFileImport';
import { CodOutstanding } from './CodOutstanding';

/**
 * Cash on delivery: what the couriers collected and paid out, per day and per order, and the
 * imports of their settlements (a file the owner uploads, or the courier's API).
 */
export function CodPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader title={t('cod.title')} subtitle={t('cod.subtitle')} />
      <CodDays />
      <CodOutstanding />
      <CodFileImport />
      <CodCourierImport />
    </Stack>
  );
}
