import { Alert, Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../shared/states';
import { PENALTIES_KEY, penaltiesApi, type PackingErrorKind } from './penalties-api';

const KINDS = ['return', 'complaint'] as const satisfies readonly PackingErrorKind[];
/** A packing error can only be blamed on an order someone has packed. */
const PACKED_OR_LATER = ['packed', 'shipped', 'delivered', 'returned'];

/**
 * On the order page: a return or a customer complaint marked as a packing error. The server's
 * rule then proposes a penalty for the packer (once per order and kind); the owner decides it.
 */
export function PackingErrorButton({
  order,
}: {
  order: { id: number; status: string; packer: { name: string } | null };
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<PackingErrorKind>('return');
  const [note, setNote] = useState('');
  const mark = useMutation({
    mutationFn: () =>
      penaltiesApi.markPackingError(order.id, {
        kind,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: (res) => {
      notifications.show({
        color: res.penalty_id ? 'green' : 'gray',
        message: res.penalty_id
          ? t('penalties.packingError.proposed')
          : t('penalties.packingError.already'),
      });
      setOpen(false);
      setNote('');
    },
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: PENALTIES_KEY }),
        qc.invalidateQueries({ queryKey: ['orders', 'detail', order.id] }),
      ]),
  });
  if (!order.packer || !PACKED_OR_LATER.includes(order.status)) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconAlertOctagon size={16} />}
        onClick={() => setOpen(true)}
        data-testid="packing-error"
      >
        {t('penalties.packingError.button')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('penalties.packingError.title', { name: order.packer.name })}
        data-testid="packing-error-modal"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            mark.mutate();
          }}
        >
          <Stack gap="sm">
            <Radio.Group
              value={kind}
              onChange={(v) => setKind(v === 'complaint' ? 'complaint' : 'return')}
              label={t('penalties.packingError.kind')}
            >
              <Group gap="md" mt={4}>
                {KINDS.map((k) => (
                  <Radio
                    key={k}
                    value={k}
                    label={t(`penalties.packingError.${k}`)}
                    data-testid={`packing-error-${k}`}
                  />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t('penalties.add.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
              data-testid="packing-error-note"
            />
            {mark.isError && (
              <Alert color="red" variant="light">
                <ErrorText error={mark.error} />
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mark.isPending} data-testid="packing-error-submit">
                {t('penalties.packingError.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
