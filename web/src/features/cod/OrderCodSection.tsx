import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { codApi, fromMinor } from '../../api/cod';
import { useFormat } from '../../shared/use-format';
import { CodFlags } from './CodOutstanding';

/** On the order page: the order's cash on delivery — expected, collected, paid out, outstanding. */
export function OrderCodSection({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const cod = useQuery({
    queryKey: ['cod', 'order', orderId],
    queryFn: () => codApi.ofOrder(orderId),
  });
  const items = cod.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="order-cod">
      <Stack gap="xs">
        <Title order={4}>{t('cod.order.title')}</Title>
        {items.map((s) => (
          <Stack gap={4} key={s.shipment_id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                AWB {s.awb}
              </Text>
              <CodFlags state={s} />
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {(['expected', 'collected', 'paid_out', 'outstanding'] as const).map((k) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(`cod.figures.${k === 'paid_out' ? 'paidOut' : k}`)}
                  </Text>
                  <Text size="sm">{money(fromMinor(s[k]), s.currency)}</Text>
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
