import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../api/orders';

const COLORS: Record<OrderStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  confirmed: 'violet',
  packed: 'teal',
  shipped: 'cyan',
  delivered: 'green',
  returned: 'orange',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status] ?? 'gray'}
      variant="light"
      data-testid="status-badge"
      data-status={status}
      // Romanian statuses are long ("CONFIRMATĂ"): the badge grows instead of cutting them.
      style={{ flexShrink: 0, overflow: 'visible', maxWidth: 'none' }}
    >
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
