import {
  AppShell,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
  Avatar,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowsShuffle,
  IconBuildingStore,
  IconCash,
  IconChartBar,
  IconChevronDown,
  IconGavel,
  IconLogout,
  IconPackage,
  IconSettings,
  IconTruckDelivery,
  IconUsers,
} from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useSignOut } from '../features/auth/session';
import { NoWorkerBanner } from '../features/stores/NoWorkerBanner';
import { LockedPackersNotice } from '../features/packers/LockedPackersNotice';
import i18n, { hasStoredLanguage } from '../i18n';
import { errorMessage, PageLoader } from '../shared/states';
import { LanguageSwitch } from './LanguageSwitch';

const NAV = [
  { to: '/orders', key: 'nav.orders', icon: IconPackage },
  { to: '/packers', key: 'nav.packers', icon: IconUsers },
  { to: '/distribution', key: 'nav.distribution', icon: IconArrowsShuffle },
  { to: '/stores', key: 'nav.stores', icon: IconBuildingStore },
  { to: '/shipping', key: 'nav.shipping', icon: IconTruckDelivery },
  { to: '/cod', key: 'nav.cod', icon: IconCash },
  { to: '/reports', key: 'nav.reports', icon: IconChartBar },
  { to: '/penalties', key: 'nav.penalties', icon: IconGavel },
  { to: '/settings', key: 'nav.settings', icon: IconSettings },
] as const;

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  useEffect(() => {
    if (!hasStoredLanguage()) void i18n.changeLanguage(me.account.language);
  }, [me.account.language]);

  const logout = async () => {
    try {
      await signOut();
      void navigate('/login', { replace: true });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Text fw={800} size="lg" c="blue.7" component={Link} to="/orders">
              ecomdir
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs" data-testid="account-name">
              {me.account.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" aria-label={t('nav.userMenu')}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="blue" name={me.user.name} />
                    <Text size="sm" visibleFrom="sm">
                      {me.user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {me.user.email ?? me.user.username} · {t(`roles.${me.user.role}`)}
                </Menu.Label>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => void logout()}
                  data-testid="logout"
                >
                  {t('auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        {NAV.map(({ to, key, icon: Icon }) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={t(key)}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={location.pathname === to || location.pathname.startsWith(`${to}/`)}
            onClick={close}
            data-testid={`nav-${to.slice(1)}`}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <NoWorkerBanner />
        {me.user.role !== 'packer' && <LockedPackersNotice />}
        {/* A page's chunk loading keeps the navigation on screen. */}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
