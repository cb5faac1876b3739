import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../auth/session';
import { securityApi } from '../../api/security';
import type { StaffUser } from '../../api/users';
import { useCodedError } from '../../shared/coded-error';

/** The owner's actions on a manager's row: remove (confirmed), make owner (with the password). */
export function TeamActions({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const codedError = useCodedError();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<'remove' | 'transfer' | null>(null);
  const [password, setPassword] = useState('');
  const close = () => {
    setConfirm(null);
    setPassword('');
  };
  const remove = useMutation({
    mutationFn: () => securityApi.removeUser(user.id),
    onSuccess: () => {
      close();
      void qc.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: t('security.removed', { name: user.name }) });
    },
  });
  const transfer = useMutation({
    mutationFn: () => securityApi.transferOwnership(user.id, password),
    onSuccess: () => {
      close();
      // The role changed: every page must read it again.
      void qc.invalidateQueries({ queryKey: ME_KEY });
      void qc.invalidateQueries({ queryKey: ['users'] });
      notifications.show({
        color: 'green',
        message: t('security.transferred', { name: user.name }),
      });
    },
  });
  const pending = confirm === 'remove' ? remove : transfer;
  return (
    <>
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        <Button
          size="xs"
          variant="subtle"
          onClick={() => setConfirm('transfer')}
          data-testid="team-make-owner"
        >
          {t('security.makeOwner')}
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => setConfirm('remove')}
          data-testid="team-remove"
        >
          {t('security.remove')}
        </Button>
      </Group>
      <Modal
        opened={confirm !== null}
        onClose={close}
        title={
          confirm === 'remove'
            ? t('security.removeTitle', { name: user.name })
            : t('security.transferTitle', { name: user.name })
        }
      >
        <Stack>
          <Text size="sm">
            {confirm === 'remove'
              ? t('security.removeText', { name: user.name })
              : t('security.transferText', { name: user.name })}
          </Text>
          {confirm === 'transfer' && (
            <PasswordInput
              label={t('security.currentPassword')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="transfer-password"
            />
          )}
          {pending.isError && <Alert color="red">{codedError(pending.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={confirm === 'remove' ? 'red' : 'blue'}
              loading={pending.isPending}
              disabled={confirm === 'transfer' && password === ''}
              onClick={() => pending.mutate()}
              data-testid="team-confirm"
            >
              {t('security.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
