import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ordersApi } from '../../api/orders';
import { packersApi } from '../../api/packers';
import { ApiError } from '../../api/client';
import { ErrorText } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import {
  PENALTIES_KEY,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  TYPES_KEY,
  penaltiesApi,
  type PenaltyType,
} from './penalties-api';
import { fromMinor, toMinor, typeName } from './penalty-format';

interface Draft {
  packer: string | null;
  type: string | null;
  amount: string;
  order: string;
  note: string;
  photo: File | null;
}
const EMPTY: Draft = { packer: null, type: null, amount: '', order: '', note: '', photo: null };

/** An order typed by its number ("1001" or "#1001") as its id; an unknown number is refused. */
async function orderIdByNumber(typed: string): Promise<number | null> {
  const number = typed.trim().replace(/^#/, '');
  if (!number) return null;
  const page = await ordersApi.list({ q: number }, null, 20);
  const found = page.items.find((o) => o.number === number);
  if (!found) throw new ApiError(404, 'penalty_order_not_found', '');
  return found.id;
}

/** A penalty added by hand to a packer: type, amount (the type's by default), order, note, photo. */
export function AddPenaltyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(EMPTY);
  const [touched, setTouched] = useState(false);
  const packers = useQuery({ queryKey: ['packers'], queryFn: packersApi.list, enabled: opened });
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: penaltiesApi.types, enabled: opened });
  const active = (types.data?.items ?? []).filter((x) => x.active);
  const amountMinor = toMinor(d.amount);
  const photoError =
    d.photo && !PHOTO_TYPES.includes(d.photo.type)
      ? t('penalties.add.photoKind')
      : d.photo && d.photo.size > PHOTO_MAX_BYTES
        ? t('penalties.add.photoSize')
        : null;

  const pickType = (id: string | null) => {
    const type: PenaltyType | undefined = active.find((x) => String(x.id) === id);
    // The amount follows the type until the person types their own.
    setD((x) => ({
      ...x,
      type: id,
      amount: type ? fromMinor(type.default_amount_minor).toFixed(2) : x.amount,
    }));
  };

  const create = useMutation({
    mutationFn: async () => {
      const orderId = await orderIdByNumber(d.order);
      const made = await penaltiesApi.create({
        packer_id: Number(d.packer),
        type_id: Number(d.type),
        amount_minor: amountMinor ?? undefined,
        ...(orderId ? { order_id: orderId } : {}),
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
      });
      return d.photo ? penaltiesApi.uploadPhoto(made.id, d.photo) : made;
    },
    onSuccess: (p) => {
      notifications.show({
        color: 'green',
        message:
          p.state === 'proposed'
            ? t('penalties.add.proposed', { name: p.packer_name })
            : t('penalties.add.applied', { name: p.packer_name }),
      });
      setD(EMPTY);
      setTouched(false);
      onClose();
    },
    onSettled: () => qc.invalidateQueries({ queryKey: PENALTIES_KEY }),
  });

  const invalid = !d.packer || !d.type || amountMinor === null || photoError !== null;
  const required = (ok: boolean) => (touched && !ok ? t('penalties.add.required') : undefined);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('penalties.add.title')}
      size="lg"
      data-testid="penalty-add-modal"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!invalid) create.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('penalties.fields.packer')}
              data={(packers.data?.items ?? []).map((p) => ({
                value: String(p.id),
                label: p.name,
              }))}
              value={d.packer}
              onChange={(v) => setD((x) => ({ ...x, packer: v }))}
              searchable
              error={required(!!d.packer)}
              data-testid="penalty-add-packer"
            />
            <Select
              label={t('penalties.fields.type')}
              data={active.map((x) => ({ value: String(x.id), label: typeName(x, t) }))}
              value={d.type}
              onChange={pickType}
              error={required(!!d.type)}
              data-testid="penalty-add-type"
            />
            <TextInput
              label={t('penalties.add.amount', { currency: fmt.currency })}
              value={d.amount}
              onChange={(e) => {
                const amount = e.currentTarget.value;
                setD((x) => ({ ...x, amount }));
              }}
              inputMode="decimal"
              error={touched && amountMinor === null ? t('penalties.add.amountInvalid') : undefined}
              data-testid="penalty-add-amount"
            />
            <TextInput
              label={t('penalties.add.order')}
              description={t('penalties.add.orderHint')}
              value={d.order}
              onChange={(e) => {
                const order = e.currentTarget.value;
                setD((x) => ({ ...x, order }));
              }}
              data-testid="penalty-add-order"
            />
          </SimpleGrid>
          <Textarea
            label={t('penalties.add.note')}
            value={d.note}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setD((x) => ({ ...x, note }));
            }}
            autosize
            minRows={2}
            maxLength={1000}
            data-testid="penalty-add-note"
          />
          <FileInput
            label={t('penalties.add.photo')}
            description={t('penalties.add.photoHint')}
            accept={PHOTO_TYPES.join(',')}
            leftSection={<IconPhoto size={16} />}
            value={d.photo}
            onChange={(photo) => setD((x) => ({ ...x, photo }))}
            clearable
            error={photoError ?? undefined}
            data-testid="penalty-add-photo"
          />
          {create.isError && (
            <Alert color="red" variant="light" data-testid="penalty-add-error">
              <ErrorText error={create.error} />
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="penalty-add-submit">
              {t('penalties.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
