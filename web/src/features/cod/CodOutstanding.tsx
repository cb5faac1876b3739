import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  Stack,
  Table,
  Title,
} from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { COD_FILTERS, type CodFilter, type CodState, codApi, fromMinor } from '../../api/cod';
import { EmptyState, QueryContent } from '../../shared/states';
import { useFormat } from '../../shared/use-format';

const PAGE = 25;

/** COD parcels by state (outstanding, overdue, returned, all), oldest first, page by page. */
export function CodOutstanding() {
  const { t } = useTranslation();
  const { money, dateTime } = useFormat();
  const [filter, setFilter] = useState<CodFilter>('outstanding');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['cod', 'shipments', filter, page],
    queryFn: () => codApi.shipments({ filter, page, limit: PAGE }),
  });
  const m = (s: CodState, minor: number) => money(fromMinor(minor), s.currency);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('cod.list.title')}</Title>
        {/* A select, not tabs: four Romanian labels do not fit side by side at phone width. */}
        <NativeSelect
          label={t('cod.list.show')}
          data={COD_FILTERS.map((f) => ({ value: f, label: t(`cod.list.filters.${f}`) }))}
          value={filter}
          onChange={(e) => {
            const v = COD_FILTERS.find((f) => f === e.currentTarget.value);
            if (v) setFilter(v);
            setPage(1);
          }}
          maw={320}
          data-testid="cod-filter"
        />
        <QueryContent
          query={list}
          isEmpty={(d) => d.items.length === 0}
          empty={
            <EmptyState
              icon={<IconCash size={30} />}
              title={t(`cod.list.empty.${filter}`)}
              testId="cod-list-empty"
            />
          }
        >
          {(d) => (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped withTableBorder data-testid="cod-list">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cod.list.order')}</Table.Th>
                      <Table.Th>AWB</Table.Th>
                      <Table.Th>{t('cod.list.delivered')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.expected')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.paidOut')}</Table.Th>
                      <Table.Th ta="right">{t('cod.figures.outstanding')}</Table.Th>
                      <Table.Th>{t('cod.days.flags')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((s) => (
                      <Table.Tr key={s.shipment_id} data-testid="cod-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/orders/${s.order_id}`}>
                            #{s.order_number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{s.awb}</Table.Td>
                        <Table.Td>
                          {s.delivered_at ? dateTime(new Date(s.delivered_at).toISOString()) : '—'}
                        </Table.Td>
                        <Table.Td ta="right">{m(s, s.expected)}</Table.Td>
                        <Table.Td ta="right">{m(s, s.paid_out)}</Table.Td>
                        <Table.Td ta="right">{m(s, s.outstanding)}</Table.Td>
                        <Table.Td>
                          <CodFlags state={s} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {d.total > PAGE && (
                <Group justify="center">
                  <Pagination
                    total={Math.ceil(d.total / PAGE)}
                    value={page}
                    onChange={setPage}
                    aria-label={t('cod.list.pages')}
                  />
                </Group>
              )}
            </>
          )}
        </QueryContent>
      </Stack>
    </Paper>
  );
}

/** Returned and overdue COD parcels stand out wherever they are listed. */
export function CodFlags({ state }: { state: CodState }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {state.returned && (
        <Badge color="orange" size="sm" data-testid="cod-flag-returned">
          {t('cod.flags.returned')}
        </Badge>
      )}
      {state.overdue && (
        <Badge color="red" size="sm">
          {t('cod.flags.overdue')}
        </Badge>
      )}
      {!state.returned && state.collected > 0 && state.outstanding === 0 && (
        <Badge color="green" size="sm">
          {t('cod.flags.paid')}
        </Badge>
      )}
    </Group>
  );
}
