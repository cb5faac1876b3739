import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Packer } from '../../api/packers';
import { securityApi } from '../../api/security';
import { useCodedError } from '../../shared/coded-error';

/** A packer locked after too many wrong PINs: the badge, and the manager's Unlock. */
export function UnlockPacker({ packer }: { packer: Packer }) {
  const { t } = useTranslation();
  const codedError = useCodedError();
  const qc = useQueryClient();
  const unlock = useMutation({
    mutationFn: () => securityApi.unlockPacker(packer.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['packers'] });
      notifications.show({
        color: 'green',
        message: t('security.unlocked', { name: packer.name }),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: codedError(e) }),
  });
  if (!packer.locked) return null;
  return (
    <Group gap={6} wrap="nowrap" mt={4}>
      <Badge color="red" variant="filled" data-testid="packer-locked">
        {t('security.lockedBadge')}
      </Badge>
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        loading={unlock.isPending}
        onClick={() => unlock.mutate()}
        data-testid="packer-unlock"
      >
        {t('security.unlock')}
      </Button>
    </Group>
  );
}
