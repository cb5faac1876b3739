import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { securityApi } from '../../api/security';
import { useCodedError } from '../../shared/coded-error';
import { QueryContent } from '../../shared/states';
import { SettingsForm } from './SettingsForm';

const when = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'ro' ? 'ro-RO' : 'en-GB');

/** One's own password (the other sessions end) and one's sessions, each of which can be ended. */
export function SecuritySection() {
  const { t, i18n } = useTranslation();
  const codedError = useCodedError();
  const qc = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: securityApi.sessions });
  const change = useMutation({
    mutationFn: () => securityApi.changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      void qc.invalidateQueries({ queryKey: ['sessions'] });
      notifications.show({ color: 'green', message: t('security.passwordChanged') });
    },
  });
  const end = useMutation({
    mutationFn: securityApi.endSession,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['sessions'] });
      notifications.show({ color: 'green', message: t('security.sessionEnded') });
    },
  });

  return (
    <Paper withBorder p="lg" maw={720} data-testid="security-section">
      <Stack>
        <SettingsForm
          title={t('security.passwordTitle')}
          help={t('security.passwordHelp')}
          sending={change}
          submitLabel={t('security.changePassword')}
          testIds={{ error: 'password-error', submit: 'password-submit' }}
        >
          <Group grow align="flex-start">
            <PasswordInput
              label={t('security.currentPassword')}
              required
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              data-testid="password-current"
            />
            <PasswordInput
              label={t('security.newPassword')}
              description={t('team.passwordHint')}
              required
              minLength={8}
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              data-testid="password-new"
            />
          </Group>
        </SettingsForm>
        <div>
          <Title order={3}>{t('security.sessionsTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('security.sessionsHelp')}
          </Text>
        </div>
        {end.isError && <Alert color="red">{codedError(end.error)}</Alert>}
        <QueryContent query={sessions}>
          {(data) => (
            // A phone is narrower than the sessions' four columns: the table scrolls in its box.
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('security.sessionStarted')}</Table.Th>
                    <Table.Th>{t('security.sessionFrom')}</Table.Th>
                    <Table.Th>{t('security.sessionBrowser')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((s) => (
                    <Table.Tr key={s.id} data-testid="session-row">
                      <Table.Td>{when(s.created_at, i18n.language)}</Table.Td>
                      <Table.Td>{s.ip}</Table.Td>
                      <Table.Td>
                        <Text size="xs" lineClamp={1} maw={260}>
                          {s.user_agent}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {s.current ? (
                          <Badge variant="light">{t('security.thisSession')}</Badge>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            loading={end.isPending && end.variables === s.id}
                            onClick={() => end.mutate(s.id)}
                            data-testid="session-end"
                          >
                            {t('security.endSession')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryContent>
      </Stack>
    </Paper>
  );
}
