import { Paper, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { securityApi, type PinPolicy } from '../../api/security';
import { QueryContent } from '../../shared/states';
import { SettingsForm } from './SettingsForm';

/** The owner's view: recent failed logins of the team, and the packers' PIN policy. */
export function OwnerSecuritySection() {
  const { t, i18n } = useTranslation();
  const failures = useQuery({ queryKey: ['login-failures'], queryFn: securityApi.loginFailures });
  const policy = useQuery({ queryKey: ['pin-policy'], queryFn: securityApi.pinPolicy });
  return (
    <>
      <Paper withBorder p="lg" maw={720} data-testid="pin-policy-section">
        <QueryContent query={policy}>
          {(p) => <PinPolicyForm key={JSON.stringify(p)} policy={p} />}
        </QueryContent>
      </Paper>
      <Paper withBorder p="lg" maw={720} data-testid="failures-section">
        <Stack>
          <div>
            <Title order={3}>{t('security.failuresTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('security.failuresHelp')}
            </Text>
          </div>
          <QueryContent query={failures}>
            {(data) =>
              data.items.length === 0 ? (
                <Text size="sm">{t('security.failuresEmpty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={560}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('security.failureWhen')}</Table.Th>
                        <Table.Th>{t('security.failureWho')}</Table.Th>
                        <Table.Th>{t('security.failureKind')}</Table.Th>
                        <Table.Th>{t('security.sessionFrom')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((f) => (
                        <Table.Tr key={f.id} data-testid="failure-row">
                          <Table.Td>
                            {new Date(f.at).toLocaleString(
                              i18n.language === 'ro' ? 'ro-RO' : 'en-GB',
                            )}
                          </Table.Td>
                          <Table.Td>
                            {f.user_name} · {t(`roles.${f.role}`)}
                          </Table.Td>
                          <Table.Td>{t(`security.kinds.${f.kind}`)}</Table.Td>
                          <Table.Td>{f.ip}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </QueryContent>
        </Stack>
      </Paper>
    </>
  );
}

function PinPolicyForm({ policy }: { policy: PinPolicy }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [shortPins, setShortPins] = useState(policy.short_pins);
  const [networks, setNetworks] = useState(policy.station_networks.join('\n'));
  const save = useMutation({
    mutationFn: () =>
      securityApi.setPinPolicy({
        short_pins: shortPins,
        station_networks: networks
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (saved) => {
      qc.setQueryData(['pin-policy'], saved);
      notifications.show({ color: 'green', message: t('security.pinSaved') });
    },
  });
  return (
    <SettingsForm
      title={t('security.pinTitle')}
      help={t('security.pinHelp')}
      sending={save}
      submitLabel={t('common.save')}
      testIds={{ submit: 'pin-policy-save' }}
    >
      <Switch
        label={t('security.shortPins')}
        checked={shortPins}
        onChange={(e) => setShortPins(e.currentTarget.checked)}
        data-testid="short-pins"
      />
      <Textarea
        label={t('security.networks')}
        description={t('security.networksHelp')}
        autosize
        minRows={2}
        value={networks}
        onChange={(e) => setNetworks(e.currentTarget.value)}
        data-testid="station-networks"
      />
    </SettingsForm>
  );
}
