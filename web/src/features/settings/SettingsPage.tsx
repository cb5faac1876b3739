import { Alert, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/account';
import type { Account, Me } from '../../api/auth';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorText, QueryContent } from '../../shared/states';
import { ME_KEY, useSession } from '../auth/session';
import { OwnerSecuritySection } from './OwnerSecuritySection';
import { ReportMailSection } from './ReportMailSection';
import { SecuritySection } from './SecuritySection';
import { TeamSection } from './TeamSection';

const CURRENCIES = ['RON', 'EUR', 'USD', 'HUF', 'BGN', 'PLN', 'GBP'];

function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function SettingsPage() {
  const { t } = useTranslation();
  const account = useQuery({ queryKey: ['account'], queryFn: accountApi.get });
  const isOwner = useSession().user.role === 'owner';
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <QueryContent query={account}>
        {(data) => (
          <Stack gap="lg">
            <SettingsForm key={data.id} account={data} />
            <TeamSection />
            <SecuritySection />
            {isOwner && <OwnerSecuritySection />}
            {isOwner && <ReportMailSection />}
          </Stack>
        )}
      </QueryContent>
    </>
  );
}

function SettingsForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useSession();
  const qc = useQueryClient();
  const isOwner = me.user.role === 'owner';
  const [form, setForm] = useState({
    name: account.name,
    timezone: account.timezone,
    currency: account.currency,
    language: account.language,
  });
  const save = useMutation({
    mutationFn: () => accountApi.update({ ...form, name: form.name.trim() }),
    onSuccess: (saved) => {
      qc.setQueryData(['account'], saved);
      qc.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, account: saved } : old));
      // Amounts and dates everywhere depend on these settings.
      void qc.invalidateQueries({ queryKey: ['orders'] });
      notifications.show({ color: 'green', message: t('settings.saved') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const currencies = CURRENCIES.includes(form.currency)
    ? CURRENCIES
    : [form.currency, ...CURRENCIES];

  return (
    <Paper withBorder p="lg" maw={560}>
      <form onSubmit={submit}>
        <Stack>
          {!isOwner && <Alert color="blue">{t('settings.ownerOnly')}</Alert>}
          {save.isError && (
            <Alert color="red">
              <ErrorText error={save.error} />
            </Alert>
          )}
          <TextInput
            label={t('settings.accountName')}
            required
            disabled={!isOwner}
            value={form.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setForm((f) => ({ ...f, name }));
            }}
            data-testid="settings-name"
          />
          <Select
            label={t('settings.timezone')}
            searchable
            disabled={!isOwner}
            allowDeselect={false}
            data={timeZones()}
            value={form.timezone}
            onChange={(v) => v && setForm((f) => ({ ...f, timezone: v }))}
            data-testid="settings-timezone"
          />
          <Select
            label={t('settings.currency')}
            disabled={!isOwner}
            allowDeselect={false}
            data={currencies}
            value={form.currency}
            onChange={(v) => v && setForm((f) => ({ ...f, currency: v }))}
            data-testid="settings-currency"
          />
          <Select
            label={t('settings.language')}
            description={t('settings.languageHint')}
            disabled={!isOwner}
            allowDeselect={false}
            data={[
              { value: 'ro', label: t('languages.ro') },
              { value: 'en', label: t('languages.en') },
            ]}
            value={form.language}
            onChange={(v) => v && setForm((f) => ({ ...f, language: v }))}
            data-testid="settings-language"
          />
          {isOwner && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="settings-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
