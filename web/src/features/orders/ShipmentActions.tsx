import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconPrinter, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MarkStatus, type Shipment, MARK_STATUSES, shipmentsApi } from '../../api/shipments';
import { useCodedError } from '../../shared/coded-error';

/** Statuses after which nothing more happens to a parcel. */
const FINAL = ['delivered', 'returned', 'cancelled'];

/**
 * What the shop can do with an AWB that exists: print its label; for the own courier (which has
 * no tracking of its own) mark where the parcel is; cancel it while it has not left (then the
 * order can get a new one). The server decides what is allowed and says so by code.
 */
export function ShipmentActions({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useCodedError();
  const [confirming, setConfirming] = useState(false);
  const done = () => qc.invalidateQueries({ queryKey: ['orders'] });
  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) });
  const mark = useMutation({
    mutationFn: (status: MarkStatus) => shipmentsApi.mark(s.id, status),
    onError: fail,
    onSettled: done,
  });
  const cancel = useMutation({
    mutationFn: (packingError: boolean) => shipmentsApi.cancel(s.id, packingError),
    onSuccess: () =>
      notifications.show({
        color: 'green',
        message: t('shipping.actions.cancelled', { awb: s.awb }),
      }),
    onError: fail,
    onSettled: () => {
      setConfirming(false);
      return done();
    },
  });
  const open = !FINAL.includes(s.status ?? '');
  return (
    <Group gap={4} wrap="wrap">
      <Button
        component="a"
        href={shipmentsApi.labelUrl(s.id)}
        target="_blank"
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPrinter size={14} />}
      >
        {t('shipping.section.label')}
      </Button>
      {s.courier === 'own' && open && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="compact-xs"
              variant="light"
              rightSection={<IconChevronDown size={14} />}
              loading={mark.isPending}
              data-testid="shipment-mark"
            >
              {t('shipping.actions.mark')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {MARK_STATUSES.map((status) => (
              <Menu.Item
                key={status}
                disabled={status === s.status}
                onClick={() => mark.mutate(status)}
                data-testid={`shipment-mark-${status}`}
              >
                {t(`shipping.statuses.${status}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {s.status === 'created' && (
        // Asks once more before it acts; the second choice also says the AWB was wrong because of
        // a packing mistake (the penalty rule then proposes one for the packer). Leaving both
        // buttons with the keyboard or the mouse takes the question back.
        <Group
          gap={4}
          wrap="wrap"
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setConfirming(false);
          }}
        >
          <Button
            size="compact-xs"
            variant={confirming ? 'filled' : 'subtle'}
            color="red"
            leftSection={<IconX size={14} />}
            loading={cancel.isPending && cancel.variables === false}
            disabled={cancel.isPending}
            onClick={() => (confirming ? cancel.mutate(false) : setConfirming(true))}
            data-testid="shipment-cancel"
          >
            {confirming ? t('shipping.actions.confirmCancel') : t('shipping.actions.cancel')}
          </Button>
          {confirming && (
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              loading={cancel.isPending && cancel.variables === true}
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(true)}
              data-testid="shipment-cancel-packing-error"
            >
              {t('shipping.actions.cancelPackingError')}
            </Button>
          )}
        </Group>
      )}
    </Group>
  );
}
