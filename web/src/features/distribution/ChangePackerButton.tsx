import { Alert, Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconUserShare } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { packersApi } from '../../api/packers';
import type { OrderStatus } from '../../api/orders';
import { errorMessage } from '../../shared/states';
import { useSession } from '../auth/session';
import { distributionApi } from './distribution-api';
import { packerWarnings } from './packer-warnings';

const MOVABLE: OrderStatus[] = ['new', 'assigned', 'confirmed'];

/**
 * Gives an order to another packer. A confirmed order is locked to its packer: only the owner
 * may move it, as an explicit override with a reason (audited and sent to the store).
 */
export function ChangePackerButton({
  order,
}: {
  order: {
    id: number;
    status: OrderStatus;
    packer: { id: number; name: string } | null;
    store: { id: number } | null;
  };
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const isOwner = session.user.role === 'owner';
  const [open, setOpen] = useState(false);
  const [packerId, setPackerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const locked = order.status === 'confirmed';
  const packers = useQuery({ queryKey: ['packers'], queryFn: packersApi.list, enabled: open });
  const save = useMutation({
    mutationFn: () =>
      distributionApi.reassign(order.id, {
        packer_id: Number(packerId),
        reason: reason.trim(),
        override: locked,
      }),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      notifications.show({ color: 'green', message: t('distribution.moved') });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['orders'] }),
  });
  if (!MOVABLE.includes(order.status)) return null;
  const blocked = locked && !isOwner;
  const chosen = packers.data?.items.find((p) => String(p.id) === packerId);
  const warnings = chosen ? packerWarnings(chosen, order, session.account.timezone) : [];
  const options = (packers.data?.items ?? [])
    .filter((p) => p.active && p.id !== order.packer?.id)
    .map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <>
      <Button
        variant="light"
        leftSection={locked ? <IconLock size={16} /> : <IconUserShare size={16} />}
        onClick={() => setOpen(true)}
        data-testid="change-packer"
      >
        {locked ? t('distribution.override') : t('distribution.changePacker')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={locked ? t('distribution.override') : t('distribution.changePacker')}
      >
        <Stack>
          {locked && (
            <Alert
              color={blocked ? 'red' : 'orange'}
              icon={<IconLock />}
              data-testid="override-warning"
            >
              {blocked
                ? t('distribution.ownerOnly', { name: order.packer?.name ?? '' })
                : t('distribution.overrideWarning', { name: order.packer?.name ?? '' })}
            </Alert>
          )}
          <Select
            label={t('distribution.newPacker')}
            data={options}
            value={packerId}
            onChange={setPackerId}
            searchable
            disabled={blocked}
            data-testid="change-packer-select"
          />
          {chosen && warnings.length > 0 && (
            <Alert color="yellow" data-testid="change-packer-warnings">
              <Stack gap={4}>
                {warnings.map((w) => (
                  <Text size="sm" key={w} data-testid={`packer-warning-${w}`}>
                    {t(`distribution.warnings.${w}`, {
                      name: chosen.name,
                      open: chosen.open_orders,
                      max: chosen.max_open_orders ?? 0,
                    })}
                  </Text>
                ))}
                <Text size="sm" fw={500}>
                  {t('distribution.warnings.goAhead', { name: chosen.name })}
                </Text>
              </Stack>
            </Alert>
          )}
          <TextInput
            label={locked ? t('distribution.reasonRequired') : t('distribution.reasonOptional')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            disabled={blocked}
            data-testid="change-packer-reason"
          />
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={blocked || !packerId || (locked && !reason.trim())}
            color={locked ? 'orange' : undefined}
            data-testid="change-packer-submit"
          >
            {locked ? t('distribution.overrideSubmit') : t('distribution.changePacker')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
