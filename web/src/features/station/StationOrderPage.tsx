import { Alert, Box, Button, Group, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconCircleCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorState, PageLoader, errorMessage } from '../../shared/states';
import { StatusBadge } from '../orders/StatusBadge';
import { CameraScanner } from './CameraScanner';
import { ScanLines } from './ScanLines';
import { StationHeader } from './StationHeader';
import { StationLabel } from './StationLabel';
import { QUEUE_KEY, orderKey, stationApi, type StationOrder } from './station-api';
import { play } from './sounds';
import { useLiveEvents } from '../../shared/use-live-events';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/**
 * One order at the station. A keyboard-wedge scanner types the code into the focused input
 * and presses Enter; each scan counts a line up or raises a clear alarm (and a sound).
 */
export function StationOrderPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  // On a phone the whole hint does not fit the field ("…și apasă Ent"): the short one does.
  const narrow = useMediaQuery('(max-width: 36em)');
  const order = useQuery({ queryKey: orderKey(id), queryFn: () => stationApi.order(id) });
  useLiveEvents([orderKey(id), QUEUE_KEY]);

  const setOrder = (o: StationOrder) => qc.setQueryData(orderKey(id), o);
  const scan = useMutation({
    mutationFn: (c: string) => stationApi.scan(id, c),
    onSuccess: (r) => {
      setOrder(r.order);
      const line = r.order.items.find((i) => i.id === r.item_id);
      play(r.packed ? 'done' : 'ok');
      setFeedback({
        kind: 'ok',
        text: t('station.scanOk', {
          name: line?.name ?? '',
          scanned: line?.scanned ?? 0,
          quantity: line?.quantity ?? 0,
        }),
      });
      if (r.packed) void qc.invalidateQueries({ queryKey: QUEUE_KEY });
    },
    onError: (e, c) => {
      play('error');
      const known =
        e instanceof ApiError &&
        ['scan_wrong_item', 'scan_too_many', 'not_confirmed', 'not_packable'].includes(e.code);
      setFeedback({
        kind: 'error',
        text: known ? t(`station.errors.${e.code}`, { code: c }) : errorMessage(e),
      });
      void qc.invalidateQueries({ queryKey: orderKey(id) });
    },
  });
  // The camera callback stays stable while the mutation object changes every render.
  const scanRef = useRef((c: string) => scan.mutate(c));
  useEffect(() => {
    scanRef.current = (c: string) => scan.mutate(c);
  });
  const confirm = useMutation({
    mutationFn: () => stationApi.confirm(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: orderKey(id) }),
    onError: (e) => setFeedback({ kind: 'error', text: errorMessage(e) }),
  });

  // The scanner types into whatever has focus: keep it on the scan input.
  useEffect(() => {
    if (order.data?.status === 'confirmed' && !scan.isPending) input.current?.focus();
  }, [order.data?.status, scan.isPending, feedback]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const value = code.trim();
    setCode('');
    if (value) scan.mutate(value);
  };

  const onCamera = useCallback((c: string) => scanRef.current(c), []);

  const o = order.data;
  return (
    <Box mih="100vh" bg="gray.0">
      <StationHeader />
      <Stack px="md" pb="xl" maw={900} mx="auto">
        <Button
          variant="subtle"
          size="lg"
          leftSection={<IconArrowLeft />}
          onClick={() => void navigate('/station')}
          data-testid="back-to-queue"
          w="fit-content"
        >
          {t('station.backToQueue')}
        </Button>
        {order.isPending && <PageLoader />}
        {order.isError && <ErrorState error={order.error} onRetry={() => void order.refetch()} />}
        {o && (
          <>
            <Group justify="space-between">
              <Title order={2} data-testid="station-order-number">
                #{o.number}
              </Title>
              <StatusBadge status={o.status} />
            </Group>
            <Text size="lg">
              {o.customer_name} · {o.shipping_city}
            </Text>
            {o.customer_note && <Alert color="orange">{o.customer_note}</Alert>}
            <Progress
              size={24}
              transitionDuration={0}
              radius="md"
              value={o.units_total ? (100 * o.units_scanned) / o.units_total : 0}
              color={o.status === 'packed' ? 'teal' : 'blue'}
              aria-label={t('station.progress', { scanned: o.units_scanned, total: o.units_total })}
            />
            <Text fw={700} size="lg" data-testid="scan-progress">
              {t('station.progress', { scanned: o.units_scanned, total: o.units_total })}
            </Text>
            {o.status === 'assigned' && (
              <Button
                size="xl"
                h={72}
                leftSection={<IconCheck />}
                loading={confirm.isPending}
                onClick={() => confirm.mutate()}
                data-testid="confirm-order"
              >
                {t('station.confirm')}
              </Button>
            )}
            {o.status === 'confirmed' && (
              <TextInput
                ref={input}
                size="xl"
                autoFocus
                autoComplete="off"
                label={t('station.scanLabel')}
                placeholder={t(narrow ? 'station.scanPlaceholderShort' : 'station.scanPlaceholder')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                onKeyDown={onKeyDown}
                data-testid="scan-input"
              />
            )}
            {o.status === 'confirmed' && <CameraScanner onCode={onCamera} />}
            {feedback && (
              <Alert
                color={feedback.kind === 'ok' ? 'green' : 'red'}
                variant="filled"
                icon={feedback.kind === 'ok' ? <IconCheck /> : <IconX />}
                data-testid="scan-feedback"
                data-kind={feedback.kind}
                styles={{ message: { fontSize: 20 } }}
              >
                {feedback.text}
              </Alert>
            )}
            {o.status === 'packed' && (
              <Alert
                color="teal"
                variant="light"
                icon={<IconCircleCheck size={32} />}
                data-testid="packed-banner"
                styles={{ message: { fontSize: 22 } }}
              >
                {t('station.packed')}
              </Alert>
            )}
            {(o.status === 'packed' || o.status === 'shipped') && <StationLabel orderId={o.id} />}
            <ScanLines items={o.items} />
          </>
        )}
      </Stack>
    </Box>
  );
}
