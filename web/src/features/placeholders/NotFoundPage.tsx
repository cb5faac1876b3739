import { Button, Paper } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../shared/states';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <EmptyState
        icon={<IconMapQuestion size={30} />}
        title={t('notFound.title')}
        description={t('notFound.text')}
        action={
          <Button component={Link} to="/orders" variant="light">
            {t('notFound.back')}
          </Button>
        }
      />
    </Paper>
  );
}
