import { Button, Divider, Popover, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shipmentsApi, type LabelFormat, type LabelSort, type SlipKind } from '../../api/shipments';
import { useCodedError } from '../../shared/coded-error';
import { openDocument } from '../../shared/open-document';

const FORMATS: LabelFormat[] = ['a6', 'a4x4', 'zpl'];
const SORTS: LabelSort[] = ['packer', 'courier', 'order'];

/**
 * The current AWB of each selected order. The orders list does not carry shipments, so each
 * order's are read (a few at a time: a selection can be a whole page of orders).
 */
async function currentShipmentIds(orderIds: number[]): Promise<number[]> {
  const found: number[] = [];
  for (let i = 0; i < orderIds.length; i += 8) {
    const answers = await Promise.all(
      orderIds.slice(i, i + 8).map((id) => shipmentsApi.ofOrder(id)),
    );
    for (const { items } of answers) {
      const made = items.filter((s) => s.state === 'made' && s.awb);
      const last = made.at(-1);
      if (last) found.push(last.id);
    }
  }
  return found;
}

/** "Documents" for a selection: the labels in one file, a picking list, packing slips. */
export function BulkDocumentsButton({ orderIds }: { orderIds: number[] }) {
  const { t } = useTranslation();
  const errorMessage = useCodedError();
  const [format, setFormat] = useState<LabelFormat>('a6');
  const [sort, setSort] = useState<LabelSort>('order');
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    try {
      await job();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };
  const labels = () =>
    run('labels', () =>
      openDocument(
        async () => {
          const ids = await currentShipmentIds(orderIds);
          if (!ids.length) throw new NoAwbYet();
          return shipmentsApi.labels(ids, format, sort);
        },
        format === 'zpl' ? 'labels.zpl' : 'labels.pdf',
      ).catch((e: unknown) => {
        if (!(e instanceof NoAwbYet)) throw e;
        notifications.show({ color: 'yellow', message: t('shipping.documents.noAwb') });
      }),
    );
  const slips = (kind: SlipKind) =>
    run(kind, () => openDocument(() => shipmentsApi.slips(orderIds, kind), `${kind}.pdf`));

  return (
    <Popover position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPrinter size={16} />}
          data-testid="bulk-documents"
        >
          {t('shipping.documents.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 24px)">
        <Stack gap="xs" w={260} maw="100%">
          <Text size="sm" fw={500}>
            {t('shipping.documents.labels')}
          </Text>
          <SegmentedControl
            size="xs"
            value={format}
            onChange={(v) => setFormat(v)}
            data={FORMATS.map((f) => ({ value: f, label: t(`shipping.documents.formats.${f}`) }))}
            aria-label={t('shipping.documents.format')}
            data-testid="labels-format"
          />
          <Select
            size="xs"
            label={t('shipping.documents.sort')}
            value={sort}
            onChange={(v) => v && setSort(v)}
            allowDeselect={false}
            data={SORTS.map((s) => ({ value: s, label: t(`shipping.documents.sorts.${s}`) }))}
            comboboxProps={{ withinPortal: false }}
            data-testid="labels-sort"
          />
          <Button
            size="xs"
            loading={busy === 'labels'}
            onClick={() => void labels()}
            data-testid="open-labels"
          >
            {t('shipping.documents.openLabels')}
          </Button>
          <Divider />
          <Button
            size="xs"
            variant="default"
            loading={busy === 'picking'}
            onClick={() => void slips('picking')}
            data-testid="open-picking"
          >
            {t('shipping.documents.picking')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={busy === 'packing'}
            onClick={() => void slips('packing')}
            data-testid="open-packing"
          >
            {t('shipping.documents.packing')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** None of the selected orders has an AWB: said in the reader's words, not as a server error. */
class NoAwbYet extends Error {}
