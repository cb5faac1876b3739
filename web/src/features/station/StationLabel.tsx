import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorText } from '../../shared/states';
import { stationApi } from './station-api';

// The station runs on phones too: a long label wraps instead of leaving the screen.
const WRAP = { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } };

type LabelState =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'ready'; awb: string; url: string }
  | { kind: 'failed'; error: unknown };

/** Makes the AWB (or finds it), then reads its label; waits out a job already at the courier. */
async function makeLabel(orderId: number): Promise<{ awb: string; blob: Blob }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const shipment = await stationApi.shipment(orderId);
      return { awb: shipment.awb ?? '', blob: await stationApi.label(orderId) };
    } catch (e) {
      // With "automatic", the packing job may be talking to the courier right now.
      const busy = e instanceof ApiError && e.code === 'shipment_pending';
      if (!busy || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * The label at the station once an order is packed. Setting `on_pack`: "button" offers
 * "Generate AWB & print label" (focused, so the packer's Enter presses it) and opens the label
 * in its own tab for the printer; "automatic" makes it by itself and opens it if the browser
 * still counts the last scan as the packer's gesture (else the focused "Print label" does).
 * Not shown in a frame on the page: the dashboard's CSP keeps blob: documents out of frames.
 */
export function StationLabel({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  // Read afresh for each packed order: the owner may have changed it while the station was open.
  const setting = useQuery({
    queryKey: ['station', 'shipping'],
    queryFn: stationApi.shipping,
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const [state, setState] = useState<LabelState>({ kind: 'idle' });
  const started = useRef(false);
  const onPack = setting.isFetchedAfterMount ? setting.data?.on_pack : undefined;

  /** `tab`: opened inside the packer's click, so the browser lets the label appear in it. */
  const run = (tab: Window | null) => {
    if (started.current) return;
    started.current = true;
    setState({ kind: 'making' });
    makeLabel(orderId).then(
      ({ awb, blob }) => {
        const url = URL.createObjectURL(blob);
        if (tab) tab.location.href = url;
        // Automatic: a pop-up the browser refuses (null) leaves the focused button below.
        else window.open(url, '_blank');
        setState({ kind: 'ready', awb, url });
      },
      (error: unknown) => {
        tab?.close();
        started.current = false;
        setState({ kind: 'failed', error });
      },
    );
  };
  const runInTab = () => run(window.open('', '_blank'));
  useEffect(() => {
    if (onPack === 'automatic') run(null);
    // run() guards itself with `started`; it must not re-run on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onPack]);
  const url = state.kind === 'ready' ? state.url : null;
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  if (!onPack || onPack === 'off') return null;
  return (
    <Stack gap="sm" data-testid="station-label">
      {(state.kind === 'idle' || state.kind === 'failed') && onPack === 'button' && (
        <Button
          size="xl"
          h="auto"
          mih={72}
          py="sm"
          fullWidth
          styles={WRAP}
          autoFocus
          leftSection={<IconPrinter />}
          onClick={runInTab}
          data-testid="station-generate-label"
        >
          {t('shipping.station.generate')}
        </Button>
      )}
      {state.kind === 'failed' && (
        <Alert color="red" data-testid="station-label-error">
          <ErrorText error={state.error} />
        </Alert>
      )}
      {state.kind === 'failed' && onPack === 'automatic' && (
        <Button size="lg" variant="light" autoFocus onClick={runInTab}>
          {t('shipping.station.generate')}
        </Button>
      )}
      {state.kind === 'making' && (
        <Text size="lg">
          <Loader size="sm" mr="sm" />
          {t('shipping.station.making')}
        </Text>
      )}
      {state.kind === 'ready' && (
        <>
          <Text size="lg" fw={700} data-testid="station-label-ready">
            {t('shipping.station.ready', { awb: state.awb })}
          </Text>
          <Button
            component="a"
            href={state.url}
            target="_blank"
            size="lg"
            h="auto"
            mih={50}
            py="xs"
            fullWidth
            styles={WRAP}
            leftSection={<IconPrinter />}
            autoFocus
            data-testid="station-open-label"
          >
            {t('shipping.station.print')}
          </Button>
        </>
      )}
    </Stack>
  );
}
