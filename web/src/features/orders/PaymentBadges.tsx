import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../api/orders';

/** Cash on delivery (or the payment method) and whether it is paid. */
export function PaymentBadges({ order: o }: { order: OrderSummary }) {
  const { t } = useTranslation();
  return (
    // Not Mantine's default preventGrowOverflow: it caps each badge at half the cell ("RAMBU…").
    <Group gap={4} preventGrowOverflow={false}>
      {o.is_cod ? (
        <Badge color="yellow" variant="light" data-testid="cod-badge">
          {t('orders.cod')}
        </Badge>
      ) : (
        <Text size="sm">{o.payment_method_title || o.payment_method}</Text>
      )}
      {o.paid && (
        <Badge color="green" variant="dot" data-testid="paid-badge">
          {t('orders.paid')}
        </Badge>
      )}
    </Group>
  );
}
