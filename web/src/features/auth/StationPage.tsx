import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout, IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { EmptyState, errorMessage } from '../../shared/states';
import { AuthLayout } from './AuthLayout';
import { useSession, useSignOut } from './session';

/** The packer's landing page; the packing station itself comes with a later issue. */
export function StationPage() {
  const { t } = useTranslation();
  const me = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const logout = async () => {
    try {
      await signOut();
      void navigate('/login/packer', { replace: true });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  return (
    <AuthLayout title={t('station.hello', { name: me.user.name })} width={560}>
      <Stack>
        <Text c="dimmed">{me.account.name}</Text>
        <EmptyState
          icon={<IconPackage size={30} />}
          title={t('station.emptyTitle')}
          description={t('station.emptyText')}
          testId="station-empty"
        />
        <Button
          size="xl"
          h={64}
          variant="light"
          leftSection={<IconLogout />}
          onClick={() => void logout()}
          data-testid="logout"
        >
          {t('auth.logout')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
