import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconTruckDelivery } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Shipment, shipmentsApi } from '../../api/shipments';
import { useCodedError } from '../../shared/coded-error';
import { ErrorText } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { Section } from './OrderSections';
import {
  GenerateOptions,
  type GenerateChoice,
  NO_CHOICE,
  ShippingEstimates,
  bodyOf,
} from './GenerateOptions';
import { ShipmentActions } from './ShipmentActions';
import { AddressMatchPanel } from './AddressMatchPanel';

/** Orders that can get an AWB from the order page. */
const SHIPPABLE = ['new', 'assigned', 'confirmed', 'packed'];

/**
 * The order's AWBs: courier, AWB, tracking status, why this courier, the courier's own
 * message when it refused, and the "Generate AWB" button (which returns the AWB already made
 * instead of making another).
 */
export function ShipmentsSection({ orderId, status }: { orderId: number; status: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const errorMessage = useCodedError();
  const shipments = useQuery({
    queryKey: ['orders', 'detail', orderId, 'shipments'],
    queryFn: () => shipmentsApi.ofOrder(orderId),
  });
  const [showOptions, setShowOptions] = useState(false);
  const [choice, setChoice] = useState<GenerateChoice>(NO_CHOICE);
  const generate = useMutation({
    mutationFn: () => shipmentsApi.generate(orderId, bodyOf(choice)),
    onSuccess: (s) =>
      notifications.show({
        color: s.state === 'made' ? 'green' : 'orange',
        message: s.state === 'made' ? t('shipping.section.made', { awb: s.awb }) : messageOf(s, t),
      }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    // Also refreshes the locality match: an address_unmatched refusal shows its candidates.
    onSettled: () => qc.invalidateQueries({ queryKey: ['orders'] }),
  });
  const items = shipments.data?.items ?? [];
  const live = items.some((s) => s.state === 'made' || s.state === 'pending');
  const button =
    SHIPPABLE.includes(status) && !live ? (
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconAdjustments size={16} />}
          aria-expanded={showOptions}
          onClick={() => setShowOptions(!showOptions)}
          data-testid="generate-options-toggle"
        >
          {t('shipping.options.toggle')}
        </Button>
        <Button
          size="xs"
          leftSection={<IconTruckDelivery size={16} />}
          loading={generate.isPending}
          onClick={() => generate.mutate()}
          data-testid="generate-awb"
        >
          {t('shipping.section.generate')}
        </Button>
      </Group>
    ) : null;
  return (
    <Section title={t('shipping.section.title')} testId="order-shipments" extra={button}>
      {SHIPPABLE.includes(status) && !live && <AddressMatchPanel orderId={orderId} />}
      {button && <ShippingEstimates orderId={orderId} />}
      {button && showOptions && <GenerateOptions value={choice} onChange={setChoice} />}
      {shipments.isError && <ErrorText error={shipments.error} />}
      {items.length === 0 && !shipments.isError && (
        <Text size="sm" c="dimmed">
          {t('shipping.section.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('shipping.section.courier')}</Table.Th>
                <Table.Th>{t('shipping.section.awb')}</Table.Th>
                <Table.Th>{t('shipping.section.status')}</Table.Th>
                <Table.Th>{t('shipping.section.why')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid="shipment-row">
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">{s.courier_name}</Text>
                      <Text size="xs" c="dimmed">
                        {s.service} · {fmt.dateTime(s.created_at)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {s.awb ? (
                      s.tracking_url ? (
                        <Anchor href={s.tracking_url} target="_blank" ff="monospace" size="sm">
                          {s.awb}
                        </Anchor>
                      ) : (
                        <Text ff="monospace" size="sm">
                          {s.awb}
                        </Text>
                      )
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge variant="light" color={s.state === 'failed' ? 'red' : 'blue'}>
                        {s.status
                          ? t(`shipping.statuses.${s.status}`)
                          : t(`shipping.states.${s.state}`)}
                      </Badge>
                      {s.messages.length > 0 && s.state !== 'made' && (
                        <Text size="xs" c="red" data-testid="shipment-message">
                          {messageOf(s, t)}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t(`shipping.reasons.${s.reason.code}`, {
                        ...s.reason.params,
                        defaultValue: s.reason.code,
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s.state === 'made' && <ShipmentActions shipment={s} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/**
 * The courier's message: ecomdir's own codes in the reader's language; a courier's message is
 * its own text (shown as the courier wrote it, with its code), never a server error.
 */
function messageOf(s: Shipment, t: TFunction): string {
  const m = s.messages[0];
  if (!m) return t(`shipping.states.${s.state}`);
  const own = t(`shipping.messages.${m.code}`, { defaultValue: '', text: m.text });
  if (own) return own;
  return m.text ? `${m.text} (${m.code})` : m.code;
}
