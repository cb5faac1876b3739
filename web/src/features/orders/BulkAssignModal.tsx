import { Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ordersApi, type BulkAssignResult } from '../../api/orders';
import type { Packer } from '../../api/packers';
import { ErrorText } from '../../shared/states';

interface Props {
  opened: boolean;
  orderIds: number[];
  packers: Packer[];
  onClose: () => void;
  onDone: (result: BulkAssignResult) => void;
}

const UNASSIGN = 'none';

export function BulkAssignModal({ opened, orderIds, packers, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [packer, setPacker] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<BulkAssignResult | null>(null);
  const assign = useMutation({
    mutationFn: () =>
      ordersApi.bulkAssign(
        orderIds,
        packer === UNASSIGN ? null : Number(packer),
        reason.trim() || undefined,
      ),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['orders'] });
      void qc.invalidateQueries({ queryKey: ['packers'] });
      notifications.show({
        color: r.skipped.length ? 'yellow' : 'green',
        message: t('bulkAssign.done', { updated: r.updated.length, skipped: r.skipped.length }),
      });
      onDone(r);
      if (r.skipped.length) setResult(r);
      else close();
    },
  });
  const close = () => {
    setResult(null);
    setPacker(null);
    setReason('');
    assign.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('bulkAssign.title')} centered>
      {result ? (
        <Stack data-testid="bulk-assign-result">
          <Text>
            {t('bulkAssign.done', {
              updated: result.updated.length,
              skipped: result.skipped.length,
            })}
          </Text>
          <Alert color="yellow" title={t('bulkAssign.skippedTitle')}>
            <List size="sm">
              {result.skipped.map((s) => (
                <List.Item key={s.id}>
                  {/* By its code, in the reader's language: the server's message is English. */}#
                  {s.id}: {t(`errors.${s.code}`, { defaultValue: s.message })}
                </List.Item>
              ))}
            </List>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (packer) assign.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('bulkAssign.selected', { count: orderIds.length })}</Text>
            {assign.isError && (
              <Alert color="red">
                <ErrorText error={assign.error} />
              </Alert>
            )}
            <Select
              label={t('bulkAssign.packer')}
              placeholder={t('bulkAssign.choose')}
              data={[
                { value: UNASSIGN, label: t('bulkAssign.unassign') },
                ...packers
                  .filter((p) => p.active)
                  .map((p) => ({
                    value: String(p.id),
                    label: `${p.name} (${t('packers.openOrders', { count: p.open_orders })})`,
                  })),
              ]}
              value={packer}
              onChange={setPacker}
              searchable
              data-autofocus
              data-testid="bulk-assign-packer"
            />
            <TextInput
              label={t('bulkAssign.reason')}
              placeholder={t('bulkAssign.reasonPlaceholder')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                disabled={!packer}
                loading={assign.isPending}
                data-testid="bulk-assign-submit"
              >
                {t('bulkAssign.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
