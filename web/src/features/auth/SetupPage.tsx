import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { ErrorText, FullPageError, FullPageLoader } from '../../shared/states';
import { AuthLayout } from './AuthLayout';
import { useSignedIn } from './session';
import { EMPTY, validateSetup, type SetupForm } from './setup-form';

/** First visit: creates the account and its owner, then logs the owner in. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const status = useQuery({ queryKey: ['setup'], queryFn: authApi.setupStatus });
  const [form, setForm] = useState<SetupForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof SetupForm, string>>>({});
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

  // The value is read now, not inside the updater: React may run the updater after the
  // event is gone, when `currentTarget` is already null (the white page of issue 9).
  const set = (key: keyof SetupForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((old) => ({ ...old, [key]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateSetup(form);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, code]) => [k, t(code)])));
    if (Object.keys(found).length > 0) return;
    setup.mutate({ ...form, language: i18n.language === 'en' ? 'en' : 'ro' });
  };

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {setup.isError && (
            <Alert color="red" data-testid="setup-error">
              <ErrorText error={setup.error} />
            </Alert>
          )}
          <TextInput
            label={t('setup.accountName')}
            description={t('setup.accountNameHint')}
            required
            value={form.account_name}
            onChange={set('account_name')}
            error={errors.account_name}
            data-testid="setup-account-name"
            autoFocus
          />
          <TextInput
            label={t('setup.ownerName')}
            required
            value={form.name}
            onChange={set('name')}
            error={errors.name}
            data-testid="setup-name"
            autoComplete="name"
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={form.email}
            onChange={set('email')}
            error={errors.email}
            data-testid="setup-email"
            autoComplete="email"
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('setup.passwordHint')}
            required
            value={form.password}
            onChange={set('password')}
            error={errors.password}
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
