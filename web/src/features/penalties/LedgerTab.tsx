import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconGavel } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { packersApi } from '../../api/packers';
import { dayBoundary } from '../../shared/format';
import { EmptyState, ErrorState, PageLoader, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { useMayDecide } from './PenaltiesPage';
import { ReasonModal } from './ReasonModal';
import {
  PAGE_SIZE,
  PENALTIES_KEY,
  PENALTY_STATES,
  penaltiesApi,
  type DecideBody,
  type Penalty,
  type PenaltyState,
} from './penalties-api';
import { PenaltyStateBadge } from './PenaltyStateBadge';
import { fromMinor, penaltyTypeName } from './penalty-format';

type Decision = DecideBody['decision'];

/** The ledger, filtered by state, packer and period; proposals are picked and decided in bulk. */
export function LedgerTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const mayDecide = useMayDecide();
  // A phone reads the ledger as cards; a table that wide would only scroll sideways.
  const phone = useMediaQuery('(max-width: 48em)');
  const [state, setState] = useState<PenaltyState | null>(null);
  const [packer, setPacker] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [from, to] = range;
  const query = {
    state: state ?? undefined,
    packer_id: packer ? Number(packer) : undefined,
    // A period applies once both ends are picked; the ends are whole days in the account's zone.
    from: from && to ? dayBoundary(from, fmt.timezone) : undefined,
    to: from && to ? dayBoundary(to, fmt.timezone, true) : undefined,
  };
  const list = useInfiniteQuery({
    queryKey: [...PENALTIES_KEY, 'list', query],
    queryFn: ({ pageParam }) =>
      penaltiesApi.list({ ...query, cursor: pageParam ?? undefined, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const packers = useQuery({ queryKey: ['packers'], queryFn: packersApi.list });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const proposals = rows.filter((r) => r.state === 'proposed');
  const picked = proposals.filter((r) => selected.has(r.id)).map((r) => r.id);

  const decide = useMutation({
    mutationFn: (v: { decision: Decision; reason: string }) =>
      penaltiesApi.decide({ ids: picked, decision: v.decision, reason: v.reason }),
    onSuccess: (res) => {
      const failed = res.items.filter((i) => !i.ok);
      const done = res.items.length - failed.length;
      notifications.show({
        color: failed.length ? 'orange' : 'green',
        message: failed.length
          ? t('penalties.decide.partly', { done, failed: failed.length })
          : t('penalties.decide.done', { count: done }),
      });
      setSelected(new Set());
      setDeciding(null);
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: PENALTIES_KEY }),
  });

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allPicked = proposals.length > 0 && picked.length === proposals.length;

  return (
    <>
      <Group gap="sm" mb="sm" wrap="wrap" data-testid="penalty-filters">
        <Select
          aria-label={t('penalties.filters.state')}
          placeholder={t('penalties.filters.allStates')}
          data={PENALTY_STATES.map((s) => ({ value: s, label: t(`penalties.states.${s}`) }))}
          value={state}
          onChange={(v) => setState(v)}
          clearable
          w={180}
          data-testid="filter-state"
        />
        <Select
          aria-label={t('penalties.filters.packer')}
          placeholder={t('penalties.filters.allPackers')}
          data={(packers.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={packer}
          onChange={setPacker}
          clearable
          searchable
          w={200}
          data-testid="filter-packer"
        />
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          aria-label={t('penalties.filters.period')}
          placeholder={t('penalties.filters.period')}
          value={range}
          onChange={(v) => setRange([v[0], v[1]])}
          clearable
          valueFormat="DD.MM.YYYY"
          w={230}
          data-testid="filter-period"
        />
      </Group>
      {mayDecide && picked.length > 0 && (
        <Paper withBorder p="xs" mb="sm" data-testid="bulk-bar">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('penalties.decide.selected', { count: picked.length })}
            </Text>
            <Button size="xs" onClick={() => setDeciding('apply')} data-testid="bulk-apply">
              {t('penalties.decide.apply')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => setDeciding('waive')}
              data-testid="bulk-waive"
            >
              {t('penalties.decide.waive')}
            </Button>
          </Group>
        </Paper>
      )}
      <Paper withBorder>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<IconGavel size={30} />}
            title={t('penalties.empty.title')}
            description={t('penalties.empty.text')}
            testId="penalties-empty"
          />
        ) : phone ? (
          <Stack gap={0}>
            {rows.map((p) => (
              <LedgerCard
                key={p.id}
                p={p}
                pickable={mayDecide}
                picked={selected.has(p.id)}
                onPick={() => toggle(p.id)}
              />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {mayDecide && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('penalties.decide.pickAll')}
                        checked={allPicked}
                        indeterminate={picked.length > 0 && !allPicked}
                        disabled={proposals.length === 0}
                        onChange={() =>
                          setSelected(allPicked ? new Set() : new Set(proposals.map((p) => p.id)))
                        }
                        data-testid="pick-all"
                      />
                    </Table.Th>
                  )}
                  <Table.Th>{t('order.when')}</Table.Th>
                  <Table.Th>{t('penalties.fields.packer')}</Table.Th>
                  <Table.Th>{t('penalties.fields.type')}</Table.Th>
                  <Table.Th>{t('penalties.fields.order')}</Table.Th>
                  <Table.Th ta="right">{t('penalties.fields.amount')}</Table.Th>
                  <Table.Th>{t('penalties.fields.state')}</Table.Th>
                  <Table.Th>{t('penalties.fields.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <LedgerRow
                    key={p.id}
                    p={p}
                    pickable={mayDecide}
                    picked={selected.has(p.id)}
                    onPick={() => toggle(p.id)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            data-testid="penalties-more"
          >
            {t('penalties.more')}
          </Button>
        </Group>
      )}
      <ReasonModal
        opened={deciding !== null}
        title={
          deciding === 'waive'
            ? t('penalties.decide.waiveTitle', { count: picked.length })
            : t('penalties.decide.applyTitle', { count: picked.length })
        }
        label={t('penalties.decide.reason')}
        submit={deciding === 'waive' ? t('penalties.decide.waive') : t('penalties.decide.apply')}
        loading={decide.isPending}
        onClose={() => setDeciding(null)}
        onSubmit={(reason) => deciding && decide.mutate({ decision: deciding, reason })}
        testId="decide-modal"
      />
    </>
  );
}

interface RowProps {
  p: Penalty;
  pickable: boolean;
  picked: boolean;
  onPick: () => void;
}

function PickBox({ p, picked, onPick }: Omit<RowProps, 'pickable'>) {
  const { t } = useTranslation();
  return (
    <Checkbox
      aria-label={t('penalties.decide.pick', { name: p.packer_name })}
      checked={picked}
      onChange={onPick}
      data-testid="penalty-pick"
    />
  );
}

function Source({ p }: { p: Penalty }) {
  const { t } = useTranslation();
  return p.rule ? (
    <Badge variant="outline" color="gray">
      {t(`penalties.rules.${p.rule}.short`)}
    </Badge>
  ) : (
    <Text size="sm">{p.created_by_name ?? t('penalties.byHand')}</Text>
  );
}

function OrderLink({ p }: { p: Penalty }) {
  return p.order_id && p.order_number ? (
    <Anchor component={Link} to={`/orders/${p.order_id}`} size="sm">
      #{p.order_number}
    </Anchor>
  ) : (
    '—'
  );
}

function LedgerCard({ p, pickable, picked, onPick }: RowProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group
      p="sm"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="penalty-row"
      data-penalty-id={p.id}
      data-state={p.state}
    >
      {pickable && p.state === 'proposed' && <PickBox p={p} picked={picked} onPick={onPick} />}
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700}>{penaltyTypeName(p, t)}</Text>
          <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
            {fmt.money(fromMinor(p.amount_minor), p.currency)}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          <PenaltyStateBadge state={p.state} />
          <Source p={p} />
        </Group>
        <Text size="sm">
          {p.packer_name} · <OrderLink p={p} />
        </Text>
        <Anchor component={Link} to={`/penalties/${p.id}`} size="sm" data-testid="penalty-open">
          {fmt.dateTime(p.created_at)}
        </Anchor>
      </Stack>
    </Group>
  );
}

function LedgerRow({ p, pickable, picked, onPick }: RowProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.Tr data-testid="penalty-row" data-penalty-id={p.id} data-state={p.state}>
      {pickable && (
        <Table.Td>
          {p.state === 'proposed' && <PickBox p={p} picked={picked} onPick={onPick} />}
        </Table.Td>
      )}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/penalties/${p.id}`} size="sm" data-testid="penalty-open">
          {fmt.dateTime(p.created_at)}
        </Anchor>
      </Table.Td>
      <Table.Td>{p.packer_name}</Table.Td>
      <Table.Td>{penaltyTypeName(p, t)}</Table.Td>
      <Table.Td>
        <OrderLink p={p} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {fmt.money(fromMinor(p.amount_minor), p.currency)}
      </Table.Td>
      <Table.Td>
        <PenaltyStateBadge state={p.state} />
      </Table.Td>
      <Table.Td>
        <Source p={p} />
      </Table.Td>
    </Table.Tr>
  );
}
