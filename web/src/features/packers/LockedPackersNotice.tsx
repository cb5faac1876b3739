import { Alert, Anchor } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { packersApi } from '../../api/packers';

/** On every dashboard page: packers locked after too many wrong PINs wait for an unlock. */
export function LockedPackersNotice() {
  const { t } = useTranslation();
  const packers = useQuery({ queryKey: ['packers'], queryFn: packersApi.list });
  const locked = packers.data?.items.filter((p) => p.locked).length ?? 0;
  if (locked === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconLock />}
      mb="md"
      data-testid="locked-packers-notice"
    >
      {t('security.lockedNotice', { count: locked })}{' '}
      <Anchor component={Link} to="/packers" size="sm">
        {t('security.lockedNoticeAction')}
      </Anchor>
    </Alert>
  );
}
