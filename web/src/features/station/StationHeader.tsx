import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { errorMessage } from '../../shared/states';
import { useSession, useSignOut } from '../auth/session';

export function StationHeader() {
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
    <Group justify="space-between" p="md" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <Text fw={800} size="xl" c="blue.7">
          ecomdir
        </Text>
        <Text size="sm" c="dimmed" truncate data-testid="station-user">
          {me.user.name} · {me.account.name}
        </Text>
      </div>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch />
        <Button
          size="lg"
          variant="light"
          leftSection={<IconLogout />}
          onClick={() => void logout()}
          visibleFrom="sm"
          data-testid="logout"
        >
          {t('auth.logout')}
        </Button>
        {/* On a phone the labelled button ran off the right edge: the icon alone, named. */}
        <ActionIcon
          size={50}
          variant="light"
          onClick={() => void logout()}
          hiddenFrom="sm"
          aria-label={t('auth.logout')}
          data-testid="logout-compact"
        >
          <IconLogout />
        </ActionIcon>
      </Group>
    </Group>
  );
}
