import { Badge, Button, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { batchesApi, type ShipmentBatch } from '../../api/shipments';
import { useCodedError } from '../../shared/coded-error';

/**
 * "Generate AWBs" for the selected orders: one job per order on the server; the bar follows
 * the live `shipments.batch` events (and a slow poll, should the stream drop), and the table
 * shows each order's AWB or the courier's own message.
 */
export function BulkAwbButton({ orderIds, onDone }: { orderIds: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useCodedError();
  const [batchId, setBatchId] = useState<number | null>(null);
  const start = useMutation({
    mutationFn: () => batchesApi.start(orderIds),
    onSuccess: (r) => setBatchId(r.batch_id),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const batch = useQuery({
    queryKey: ['shipment-batch', batchId],
    queryFn: () => batchesApi.get(batchId ?? 0),
    enabled: batchId !== null,
    refetchInterval: (q) => (q.state.data?.finished_at ? false : 3000),
  });
  useEffect(() => {
    if (batchId === null || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const refresh = (e: MessageEvent<string>) => {
      const data = JSON.parse(e.data) as { batch?: { id: number } };
      if (data.batch?.id === batchId)
        void qc.invalidateQueries({ queryKey: ['shipment-batch', batchId] });
    };
    source.addEventListener('shipments.batch', refresh);
    return () => source.close();
  }, [batchId, qc]);
  const close = () => {
    setBatchId(null);
    void qc.invalidateQueries({ queryKey: ['orders'] });
    onDone();
  };
  const b = batch.data;
  return (
    <>
      <Button
        size="xs"
        leftSection={<IconTruckDelivery size={16} />}
        loading={start.isPending}
        onClick={() => start.mutate()}
        data-testid="bulk-awb"
      >
        {t('shipping.bulk.button')}
      </Button>
      <Modal opened={batchId !== null} onClose={close} title={t('shipping.bulk.title')} size="lg">
        {b ? <BatchProgress batch={b} /> : <Progress value={0} animated />}
      </Modal>
    </>
  );
}

function BatchProgress({ batch }: { batch: ShipmentBatch }) {
  const { t } = useTranslation();
  const pct = batch.total ? Math.round((batch.done / batch.total) * 100) : 0;
  return (
    <Stack gap="sm">
      <Progress value={pct} animated={!batch.finished_at} data-testid="bulk-awb-progress" />
      <Text size="sm" data-testid="bulk-awb-summary">
        {t('shipping.bulk.summary', {
          done: batch.done,
          total: batch.total,
          made: batch.made,
          failed: batch.failed,
        })}
      </Text>
      <ScrollArea.Autosize mah={360}>
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {batch.items.map((i) => (
              <Table.Tr key={i.order_id} data-testid="bulk-awb-row">
                <Table.Td>#{i.order_number}</Table.Td>
                <Table.Td>
                  {i.result === 'made' ? (
                    <Text ff="monospace" size="sm">
                      {i.awb}
                    </Text>
                  ) : i.result === 'queued' ? (
                    <Badge variant="light" color="gray">
                      {t('shipping.bulk.queued')}
                    </Badge>
                  ) : (
                    <ResultMessage code={i.message?.code ?? ''} text={i.message?.text ?? ''} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** ecomdir's codes in the reader's language; a courier's message as the courier wrote it. */
function ResultMessage({ code, text }: { code: string; text: string }) {
  const { t } = useTranslation();
  const own =
    t(`errors.${code}`, { defaultValue: '' }) ||
    t(`shipping.messages.${code}`, { defaultValue: '' });
  return (
    <Text size="sm" c="red">
      {own || (text ? `${text} (${code})` : code)}
    </Text>
  );
}
