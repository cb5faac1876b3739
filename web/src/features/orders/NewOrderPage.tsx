import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ordersApi } from '../../api/orders';
import { numberSeparators } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorText } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { AddressFields, emptyAddress, type AddressErrors } from './AddressFields';
import { ItemsEditor, newLine, type ItemLine } from './ItemsEditor';
import { buildNewOrder, validateNewOrder, type NewOrderForm } from './new-order';

const PAYMENT_METHODS = ['cod', 'bacs', 'card'] as const;

export function NewOrderPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form, setForm] = useState<NewOrderForm>({
    billing: emptyAddress(),
    shipToDifferent: false,
    shipping: emptyAddress(),
    lines: [newLine()],
    shipping_total: '',
    discount_total: '',
    payment_method: 'cod',
    paid: false,
    customer_note: '',
  });
  const [errors, setErrors] = useState<{
    billing: AddressErrors;
    shipping: AddressErrors;
    lines: Record<number, string>;
    general: string[];
  }>({ billing: {}, shipping: {}, lines: {}, general: [] });
  const set = <K extends keyof NewOrderForm>(key: K, value: NewOrderForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const create = useMutation({
    mutationFn: () =>
      ordersApi.create(buildNewOrder(form, t(`newOrder.payment.${form.payment_method}`))),
    onSuccess: (order) => {
      void qc.invalidateQueries({ queryKey: ['orders'] });
      notifications.show({
        color: 'green',
        message: t('newOrder.created', { number: order.number }),
      });
      void navigate(`/orders/${order.id}`);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateNewOrder(form, t);
    setErrors(found);
    const bad =
      Object.keys(found.billing).length +
      Object.keys(found.shipping).length +
      Object.keys(found.lines).length +
      found.general.length;
    if (bad === 0) create.mutate();
  };

  const preview = buildNewOrder(form, '');
  const itemsTotal = preview.items.reduce((s, i) => s + i.quantity * Number(i.unit_price || 0), 0);
  const total =
    itemsTotal + Number(preview.shipping_total ?? 0) - Number(preview.discount_total ?? 0);
  const separators = numberSeparators(i18n.language);

  return (
    <form onSubmit={submit} noValidate data-testid="new-order-form">
      <PageHeader title={t('newOrder.title')} subtitle={t('newOrder.subtitle')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('order.billing')}
              </Title>
              <AddressFields
                value={form.billing}
                onChange={(v) => set('billing', v)}
                errors={errors.billing}
                prefix="billing"
              />
            </Paper>
            <Paper withBorder p="md">
              <Checkbox
                label={t('newOrder.shipToDifferent')}
                checked={form.shipToDifferent}
                onChange={(e) => set('shipToDifferent', e.currentTarget.checked)}
                data-testid="ship-to-different"
              />
              {form.shipToDifferent && (
                <Stack mt="md">
                  <Title order={4}>{t('order.shippingAddress')}</Title>
                  <AddressFields
                    value={form.shipping}
                    onChange={(v) => set('shipping', v)}
                    errors={errors.shipping}
                    prefix="shipping"
                    withEmail={false}
                  />
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('order.items')}
              </Title>
              <ItemsEditor
                lines={form.lines}
                onChange={(l: ItemLine[]) => set('lines', l)}
                errors={errors.lines}
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>{t('order.payment')}</Title>
                <Select
                  label={t('newOrder.paymentMethod')}
                  required
                  allowDeselect={false}
                  data={PAYMENT_METHODS.map((m) => ({
                    value: m,
                    label: t(`newOrder.payment.${m}`),
                  }))}
                  value={form.payment_method}
                  onChange={(v) => v && set('payment_method', v)}
                  data-testid="payment-method"
                />
                <Checkbox
                  label={t('newOrder.paid')}
                  checked={form.paid}
                  onChange={(e) => set('paid', e.currentTarget.checked)}
                />
                <NumberInput
                  label={t('order.shipping')}
                  min={0}
                  decimalScale={2}
                  {...separators}
                  value={form.shipping_total}
                  onChange={(v) => set('shipping_total', String(v))}
                  data-testid="shipping-total"
                />
                <NumberInput
                  label={t('order.discount')}
                  min={0}
                  decimalScale={2}
                  {...separators}
                  value={form.discount_total}
                  onChange={(v) => set('discount_total', String(v))}
                />
                <Textarea
                  label={t('order.customerNote')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={form.customer_note}
                  onChange={(e) => set('customer_note', e.currentTarget.value)}
                />
                <Group justify="space-between" mt="xs">
                  <Text fw={700}>{t('order.total')}</Text>
                  <Text fw={700} data-testid="new-order-total">
                    {fmt.money(Math.max(total, 0))}
                  </Text>
                </Group>
              </Stack>
            </Paper>
            {errors.general.length > 0 && (
              <Alert color="red">
                {errors.general.map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </Alert>
            )}
            {create.isError && (
              <Alert color="red" data-testid="new-order-error">
                <ErrorText error={create.error} />
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate('/orders')}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="new-order-submit">
                {t('newOrder.submit')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
