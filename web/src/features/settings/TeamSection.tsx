import {
  Badge,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/users';
import { QueryContent } from '../../shared/states';
import { useSession } from '../auth/session';
import { SettingsForm } from './SettingsForm';
import { TeamActions } from './TeamActions';

const EMPTY = { name: '', email: '', password: '' };

/** The people who use the dashboard: the owner and the managers the owner adds. */
export function TeamSection() {
  const { t } = useTranslation();
  const me = useSession();
  const qc = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: usersApi.list });
  const [form, setForm] = useState(EMPTY);
  const add = useMutation({
    mutationFn: () =>
      usersApi.createManager({ ...form, name: form.name.trim(), email: form.email.trim() }),
    onSuccess: () => {
      setForm(EMPTY);
      void qc.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: t('team.added') });
    },
  });
  const field = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  return (
    <Paper withBorder p="lg" maw={720} data-testid="team-section">
      <Stack>
        <div>
          <Title order={3}>{t('team.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('team.subtitle')}
          </Text>
        </div>
        <QueryContent query={users}>
          {(data) => (
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('team.name')}</Table.Th>
                    <Table.Th>{t('team.email')}</Table.Th>
                    <Table.Th>{t('team.role')}</Table.Th>
                    {me.user.role === 'owner' && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((u) => (
                    <Table.Tr key={u.id} data-testid="team-row">
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={u.role === 'owner' ? 'blue' : 'gray'}>
                          {t(`team.roles.${u.role}`)}
                        </Badge>
                      </Table.Td>
                      {me.user.role === 'owner' && (
                        <Table.Td>{u.role === 'manager' && <TeamActions user={u} />}</Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryContent>
        {me.user.role === 'owner' && (
          <SettingsForm
            label={t('team.addManager')}
            sending={add}
            submitLabel={t('team.addManager')}
            testIds={{ submit: 'team-add' }}
          >
            <Group grow align="flex-start">
              <TextInput label={t('team.name')} required maxLength={120} {...field('name')} />
              <TextInput label={t('team.email')} type="email" required {...field('email')} />
              <PasswordInput
                label={t('team.password')}
                description={t('team.passwordHint')}
                required
                minLength={8}
                {...field('password')}
              />
            </Group>
          </SettingsForm>
        )}
      </Stack>
    </Paper>
  );
}
