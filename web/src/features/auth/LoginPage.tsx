import { Alert, Anchor, Button, PasswordInput, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconLock, IconUser } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { authApi, type Me } from '../../api/auth';
import { ErrorText, FullPageLoader } from '../../shared/states';
import { AuthLayout } from './AuthLayout';
import { homeOf } from './home';
import { useMe, useSignedIn } from './session';
import { rememberedStationCode, rememberStationCode, stationAddress } from './station-code';

type Mode = 'staff' | 'packer';

function LoginError({ error }: { error: unknown }) {
  const throttled = error instanceof ApiError && error.code === 'too_many_attempts';
  return (
    <Alert color={throttled ? 'orange' : 'red'} data-testid="login-error">
      <ErrorText error={error} />
    </Alert>
  );
}

export function LoginPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  // The station's address (/station/<code>) names the shop; else the code this device used last.
  const { code: codeInAddress } = useParams();
  const [stationCode, setStationCode] = useState(codeInAddress ?? rememberedStationCode());

  const from = (location.state as { from?: string } | null)?.from;
  const onSuccess = (user: Me) => {
    signedIn(user);
    const home = homeOf(user.user.role);
    void navigate(from && home === '/orders' && from !== '/login' ? from : home, { replace: true });
  };
  const staff = useMutation({
    mutationFn: () => authApi.login(email.trim(), password),
    onSuccess,
  });
  const packer = useMutation({
    mutationFn: () =>
      authApi.packerLogin(stationCode.trim().toLowerCase(), username.trim().toLowerCase(), pin),
    onSuccess: (user: Me) => {
      rememberStationCode(stationCode.trim().toLowerCase());
      onSuccess(user);
    },
  });

  if (me.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to={homeOf(me.data.user.role)} replace />;

  const submitStaff = (e: FormEvent) => {
    e.preventDefault();
    staff.mutate();
  };
  const submitPacker = (e: FormEvent) => {
    e.preventDefault();
    packer.mutate();
  };

  return (
    <AuthLayout
      title={t('auth.title')}
      subtitle={mode === 'staff' ? t('auth.staffSubtitle') : t('auth.packerSubtitle')}
      width={mode === 'packer' ? 520 : 420}
    >
      <Tabs
        value={mode}
        onChange={(v) =>
          void navigate(v === 'packer' ? '/login/packer' : '/login', { replace: true })
        }
        variant="pills"
        radius="md"
      >
        <Tabs.List grow>
          <Tabs.Tab
            value="staff"
            leftSection={<IconUser size={16} />}
            data-testid="login-tab-staff"
          >
            {t('auth.staffTab')}
          </Tabs.Tab>
          <Tabs.Tab
            value="packer"
            leftSection={<IconLock size={16} />}
            data-testid="login-tab-packer"
          >
            {t('auth.packerTab')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>

      {mode === 'staff' ? (
        <form onSubmit={submitStaff}>
          <Stack>
            {staff.isError && <LoginError error={staff.error} />}
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              autoFocus
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="login-email"
            />
            <PasswordInput
              label={t('auth.password')}
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="login-password"
            />
            <Button type="submit" loading={staff.isPending} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitPacker}>
          <Stack gap="lg">
            {packer.isError && <LoginError error={packer.error} />}
            <TextInput
              label={t('auth.stationCode')}
              description={t('auth.stationCodeHint')}
              size="xl"
              required
              autoFocus={!stationCode}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              value={stationCode}
              onChange={(e) => setStationCode(e.currentTarget.value)}
              data-testid="login-station-code"
            />
            {stationCode.trim() && (
              <Text size="sm" c="dimmed" data-testid="login-station-address">
                {t('auth.stationAddress', {
                  address: stationAddress(stationCode.trim().toLowerCase()),
                })}
              </Text>
            )}
            <TextInput
              label={t('auth.username')}
              size="xl"
              required
              autoFocus={!!stationCode}
              autoCapitalize="none"
              autoCorrect="off"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              data-testid="login-username"
            />
            <PasswordInput
              label={t('auth.pin')}
              size="xl"
              required
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={8}
              autoComplete="current-password"
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
              data-testid="login-pin"
            />
            <Button
              type="submit"
              size="xl"
              h={64}
              loading={packer.isPending}
              data-testid="login-packer-submit"
            >
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="xs" c="dimmed" ta="center">
        {mode === 'staff' ? (
          <Anchor component={Link} to="/login/packer" size="xs">
            {t('auth.switchToPacker')}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/login" size="xs">
            {t('auth.switchToStaff')}
          </Anchor>
        )}
      </Text>
    </AuthLayout>
  );
}
