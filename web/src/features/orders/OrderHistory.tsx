import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../api/orders';
import { ORDER_STATUSES } from '../../api/orders';
import { useFormat } from '../../shared/use-format';
import { Section } from './OrderSections';
import { reasonText } from '../../shared/reason-text';
import { TimelineTable } from '../../shared/TimelineTable';

export function AssignmentsSection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('order.assignments')} testId="order-assignments">
      {order.assignments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('order.noAssignments')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('order.packer')}</Table.Th>
                <Table.Th>{t('order.assignedAt')}</Table.Th>
                <Table.Th>{t('order.confirmedAt')}</Table.Th>
                <Table.Th>{t('order.endedAt')}</Table.Th>
                <Table.Th>{t('order.by')}</Table.Th>
                <Table.Th>{t('order.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.assignments.map((a) => (
                <Table.Tr key={a.id} data-testid="assignment-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {a.packer.name}
                    </Text>
                    {a.override && (
                      <Badge size="xs" color="red" variant="light">
                        {t('order.override')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(a.assigned_at)}</Table.Td>
                  <Table.Td data-testid="assignment-confirmed">
                    {/* After an override the new packer did not confirm: the owner locked it. */}
                    {a.override
                      ? t('order.lockedByOverride', { by: a.assigned_by ?? t('order.system') })
                      : a.confirmed_at
                        ? fmt.dateTime(a.confirmed_at)
                        : '—'}
                  </Table.Td>
                  <Table.Td>
                    {a.ended_at ? (
                      fmt.dateTime(a.ended_at)
                    ) : (
                      <Badge size="sm" variant="dot" color="green">
                        {t('order.current')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a.assigned_by ?? t('order.system')}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{reasonText(a.reason, t)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

export function AuditSection({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  // `from`/`to` hold a status or a packer's name depending on the action.
  const value = (v: string | null) =>
    !v ? '—' : (ORDER_STATUSES as readonly string[]).includes(v) ? t(`status.${v}`) : v;
  return (
    <Section title={t('order.audit')} testId="order-audit">
      {order.audit.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('order.noAudit')}
        </Text>
      ) : (
        <TimelineTable
          rows={order.audit}
          rowTestId="audit-row"
          striped
          columns={[
            {
              header: t('order.who'),
              cell: (e) => (e.actor === 'distribution' ? t('order.distribution') : e.actor),
            },
            {
              header: t('order.action'),
              cell: (e) => t(`audit.${e.action}`, { defaultValue: e.action }),
            },
            {
              header: t('order.change'),
              cell: (e) =>
                e.from === null && e.to === null ? '—' : `${value(e.from)} → ${value(e.to)}`,
            },
            {
              header: t('order.why'),
              cell: (e) => <Text size="sm">{reasonText(e.reason, t)}</Text>,
            },
          ]}
        />
      )}
    </Section>
  );
}
