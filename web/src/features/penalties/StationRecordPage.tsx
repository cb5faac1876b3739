import {
  Alert,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconMessageReport, IconMoodSmile } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { EmptyState, QueryContent, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { useLiveEvents } from '../../shared/use-live-events';
import { StationHeader } from '../station/StationHeader';
import { PenaltyStateBadge } from './PenaltyStateBadge';
import { ReasonModal } from './ReasonModal';
import {
  RECORD_KEY,
  penaltiesApi,
  type RecordPenalty,
  type RecordPeriod,
  type StationRecord,
} from './penalties-api';
import { duration, fromMinor, penaltyTypeName } from './penalty-format';

const PERIODS = ['week', 'month'] as const satisfies readonly RecordPeriod[];

/** The packer's own record: packed orders, time to pack, penalties; a penalty can be contested. */
export function StationRecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<RecordPeriod>('week');
  const record = useQuery({
    queryKey: [...RECORD_KEY, period],
    queryFn: () => penaltiesApi.record(period),
  });
  useLiveEvents([RECORD_KEY], ['penalties.changed', 'orders.changed']);
  return (
    <Box mih="100vh" bg="gray.0">
      <StationHeader />
      <Stack px="md" pb="xl" maw={900} mx="auto">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Button
            size="lg"
            variant="default"
            leftSection={<IconArrowLeft />}
            onClick={() => void navigate('/station')}
            data-testid="record-back"
          >
            {t('station.record.back')}
          </Button>
          <SegmentedControl
            size="md"
            value={period}
            onChange={(v) => setPeriod(v)}
            data={PERIODS.map((p) => ({ value: p, label: t(`station.record.${p}`) }))}
            data-testid="record-period"
          />
        </Group>
        <Title order={2}>{t('station.record.title')}</Title>
        <QueryContent query={record}>{(data) => <Record data={data} />}</QueryContent>
      </Stack>
    </Box>
  );
}

function Record({ data }: { data: StationRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const currency = data.penalties[0]?.currency;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t('station.record.packed')} value={String(data.packed_orders)} id="packed" />
        <Stat
          label={t('station.record.timeToPack')}
          value={duration(data.median_pack_seconds)}
          id="time"
        />
        <Stat
          label={t('station.record.totalApplied')}
          value={fmt.money(fromMinor(data.total_applied_minor), currency)}
          id="total"
        />
      </SimpleGrid>
      <Title order={3}>{t('station.record.penalties')}</Title>
      {data.penalties.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            icon={<IconMoodSmile size={30} />}
            title={t('station.record.noneTitle')}
            description={t('station.record.noneText')}
            testId="record-no-penalties"
          />
        </Paper>
      ) : (
        data.penalties.map((p) => <PenaltyCard key={p.id} p={p} />)
      )}
    </Stack>
  );
}

function Stat({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={800} data-testid={`record-${id}`}>
        {value}
      </Text>
    </Paper>
  );
}

function PenaltyCard({ p }: { p: RecordPenalty }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [contesting, setContesting] = useState(false);
  const contest = useMutation({
    mutationFn: (comment: string) => penaltiesApi.contest(p.id, comment),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('station.record.contested') });
      setContesting(false);
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: RECORD_KEY }),
  });
  return (
    <Card withBorder padding="md" radius="md" data-testid="record-penalty" data-state={p.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="wrap">
            <Text fw={700} size="lg">
              {penaltyTypeName(p, t)}
            </Text>
            <PenaltyStateBadge state={p.state} />
          </Group>
          <Text fw={800} size="lg">
            {fmt.money(fromMinor(p.amount_minor), p.currency)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {fmt.dateTime(p.created_at)}
          {p.order_number ? ` · #${p.order_number}` : ''}
        </Text>
        {p.note && <Text size="sm">{p.note}</Text>}
        {p.contest_comment && (
          <Text size="sm" data-testid="record-contest-comment">
            <Text span fw={600} inherit>
              {t('station.record.yourComment')}:{' '}
            </Text>
            {p.contest_comment}
          </Text>
        )}
        {p.answer && (
          <Alert
            variant="light"
            color={p.answer.outcome === 'cancelled' ? 'green' : 'orange'}
            title={t(`station.record.answer.${p.answer.outcome}`)}
            data-testid="record-answer"
          >
            {p.answer.comment}
          </Alert>
        )}
        {p.state === 'applied' && (
          <Group>
            <Button
              variant="light"
              color="orange"
              size="md"
              leftSection={<IconMessageReport size={18} />}
              onClick={() => setContesting(true)}
              data-testid="record-contest"
            >
              {t('station.record.contest')}
            </Button>
          </Group>
        )}
      </Stack>
      <ReasonModal
        opened={contesting}
        title={t('station.record.contestTitle')}
        label={t('station.record.contestComment')}
        submit={t('station.record.contestSubmit')}
        loading={contest.isPending}
        onClose={() => setContesting(false)}
        onSubmit={(comment) => contest.mutate(comment)}
        testId="contest-modal"
      />
    </Card>
  );
}
