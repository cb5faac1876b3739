import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportMailForm, type ReportMailSettings, reportMailApi } from '../../api/report-mail';
import { ErrorText, QueryContent } from '../../shared/states';

const KEY = ['settings', 'report-mail'];

/** The owner's morning e-mail: their own SMTP server, the recipients, the hour, the language. */
export function ReportMailSection() {
  const settings = useQuery({ queryKey: KEY, queryFn: reportMailApi.settings });
  return (
    <Paper withBorder p="lg" maw={720} data-testid="report-mail-section">
      <QueryContent query={settings}>
        {(s) => <ReportMailFormView key={JSON.stringify(s)} settings={s} />}
      </QueryContent>
    </Paper>
  );
}

const SECURITY_PORT = { none: 25, starttls: 587, tls: 465 } as const;

function ReportMailFormView({ settings }: { settings: ReportMailSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState({
    enabled: settings.enabled,
    host: settings.host,
    port: settings.port,
    security: settings.security,
    username: settings.username,
    password: '',
    from: settings.from,
    recipients: settings.recipients.join('\n'),
    hour: settings.hour,
    language: settings.language,
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [k]: v }));
  const body = (): ReportMailForm => ({
    ...form,
    host: form.host.trim(),
    username: form.username.trim(),
    from: form.from.trim(),
    recipients: form.recipients
      .split(/[\s,;]+/)
      .map((r) => r.trim())
      .filter(Boolean),
  });
  const save = useMutation({
    mutationFn: () => reportMailApi.save(body()),
    onSuccess: (saved) => {
      qc.setQueryData(KEY, saved);
      notifications.show({ color: 'green', message: t('reportMail.saved') });
    },
  });
  const test = useMutation({
    mutationFn: () => reportMailApi.sendTest(body()),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    test.reset();
    save.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <div>
          <Title order={3}>{t('reportMail.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('reportMail.help')}
          </Text>
        </div>
        {save.isError && (
          <Alert color="red" data-testid="report-mail-error">
            <ErrorText error={save.error} />
          </Alert>
        )}
        <Switch
          label={t('reportMail.enabled')}
          checked={form.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
          data-testid="report-mail-enabled"
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            label={t('reportMail.host')}
            placeholder="smtp.example.ro"
            required
            value={form.host}
            onChange={(e) => set('host', e.currentTarget.value)}
            data-testid="report-mail-host"
          />
          <Select
            label={t('reportMail.security')}
            allowDeselect={false}
            data={(['starttls', 'tls', 'none'] as const).map((v) => ({
              value: v,
              label: t(`reportMail.securities.${v}`),
            }))}
            value={form.security}
            onChange={(v) => {
              if (!v) return;
              const security = v;
              // The usual port of the chosen security, unless the owner typed another one.
              setForm((f) => ({
                ...f,
                security,
                port: Object.values(SECURITY_PORT).includes(f.port as 25)
                  ? SECURITY_PORT[security]
                  : f.port,
              }));
            }}
            data-testid="report-mail-security"
          />
          <NumberInput
            label={t('reportMail.port')}
            required
            min={1}
            max={65535}
            allowDecimal={false}
            value={form.port}
            onChange={(v) => set('port', typeof v === 'number' ? v : Number(v) || 0)}
            data-testid="report-mail-port"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('reportMail.username')}
            autoComplete="off"
            value={form.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            data-testid="report-mail-username"
          />
          <PasswordInput
            label={t('reportMail.password')}
            description={settings.password_set ? t('reportMail.passwordKept') : undefined}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            data-testid="report-mail-password"
          />
        </SimpleGrid>
        <TextInput
          label={t('reportMail.from')}
          placeholder="rapoarte@magazin.ro"
          required
          value={form.from}
          onChange={(e) => set('from', e.currentTarget.value)}
          data-testid="report-mail-from"
        />
        <Textarea
          label={t('reportMail.recipients')}
          description={t('reportMail.recipientsHelp')}
          required
          autosize
          minRows={2}
          value={form.recipients}
          onChange={(e) => set('recipients', e.currentTarget.value)}
          data-testid="report-mail-recipients"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('reportMail.hour')}
            allowDeselect={false}
            data={Array.from({ length: 24 }, (_, h) => ({
              value: String(h),
              label: `${String(h).padStart(2, '0')}:00`,
            }))}
            value={String(form.hour)}
            onChange={(v) => v && set('hour', Number(v))}
            data-testid="report-mail-hour"
          />
          <Select
            label={t('reportMail.language')}
            allowDeselect={false}
            data={[
              { value: 'ro', label: t('languages.ro') },
              { value: 'en', label: t('languages.en') },
            ]}
            value={form.language}
            onChange={(v) => v && set('language', v)}
            data-testid="report-mail-language"
          />
        </SimpleGrid>
        {settings.last_sent_day && (
          <Text size="sm" c="dimmed" data-testid="report-mail-last-sent">
            {t('reportMail.lastSent', { day: settings.last_sent_day })}
          </Text>
        )}
        {test.isError && (
          <Alert color="red" data-testid="report-mail-test-error">
            <ErrorText error={test.error} />
          </Alert>
        )}
        {test.isSuccess && (
          <Alert color="green" data-testid="report-mail-test-sent">
            {t('reportMail.testSent', { to: test.data.sent_to.join(', ') })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            loading={test.isPending}
            onClick={() => {
              save.reset();
              test.mutate();
            }}
            data-testid="report-mail-test"
          >
            {t('reportMail.sendTest')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="report-mail-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
