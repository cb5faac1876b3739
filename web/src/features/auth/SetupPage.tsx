import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { errorMessage, FullPageError, FullPageLoader } from '../../shared/states';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './session';

/** First visit: creates the account and its owner, then logs the owner in. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const status = useQuery({ queryKey: ['setup'], queryFn: authApi.setupStatus });
  const [form, setForm] = useState({ account_name: '', name: '', email: '', password: '' });
  const [tooShort, setTooShort] = useState(false);
  const setup = useMutation({
    mutationFn: authApi.setup,
    onSuccess: (me) => {
      signedIn(me);
      void navigate('/orders', { replace: true });
    },
  });

  if (status.isPending) return <FullPageLoader />;
  if (status.isError)
    return <FullPageError error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.needs_owner) return <Navigate to="/login" replace />;

  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.currentTarget.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.password.length < 8) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setup.mutate({ ...form, language: i18n.language === 'en' ? 'en' : 'ro' });
  };

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {setup.isError && (
            <Alert color="red" data-testid="setup-error">
              {errorMessage(setup.error)}
            </Alert>
          )}
          <TextInput
            label={t('setup.accountName')}
            description={t('setup.accountNameHint')}
            required
            value={form.account_name}
            onChange={set('account_name')}
            data-testid="setup-account-name"
            autoFocus
          />
          <TextInput
            label={t('setup.ownerName')}
            required
            value={form.name}
            onChange={set('name')}
            data-testid="setup-name"
            autoComplete="name"
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={form.email}
            onChange={set('email')}
            data-testid="setup-email"
            autoComplete="email"
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('setup.passwordHint')}
            required
            value={form.password}
            onChange={set('password')}
            error={tooShort ? t('setup.passwordTooShort') : undefined}
            data-testid="setup-password"
            autoComplete="new-password"
          />
          <Button type="submit" loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
