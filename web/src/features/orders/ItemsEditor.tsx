import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { numberSeparators } from '../../shared/format';

export interface ItemLine {
  key: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price: string;
}

let nextKey = 1;
export const newLine = (): ItemLine => ({
  key: nextKey++,
  sku: '',
  name: '',
  quantity: 1,
  unit_price: '',
});

interface Props {
  lines: ItemLine[];
  onChange: (lines: ItemLine[]) => void;
  errors: Record<number, string>;
}

export function ItemsEditor({ lines, onChange, errors }: Props) {
  const { t, i18n } = useTranslation();
  const separators = numberSeparators(i18n.language);
  const set = (key: number, patch: Partial<ItemLine>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  return (
    <Stack gap="xs">
      {lines.map((line, i) => (
        <div key={line.key} data-testid="item-line">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={i === 0 ? t('order.sku') : undefined}
              aria-label={t('order.sku')}
              value={line.sku}
              onChange={(e) => set(line.key, { sku: e.currentTarget.value })}
              w={120}
              maxLength={100}
              data-testid="item-sku"
            />
            <TextInput
              label={i === 0 ? t('order.product') : undefined}
              aria-label={t('order.product')}
              required
              value={line.name}
              onChange={(e) => set(line.key, { name: e.currentTarget.value })}
              style={{ flex: 1 }}
              maxLength={300}
              error={errors[line.key]}
              data-testid="item-name"
            />
            <NumberInput
              label={i === 0 ? t('order.quantity') : undefined}
              aria-label={t('order.quantity')}
              min={1}
              max={9999}
              allowDecimal={false}
              value={line.quantity}
              onChange={(v) =>
                set(line.key, { quantity: typeof v === 'number' ? v : Number(v) || 1 })
              }
              w={90}
              data-testid="item-quantity"
            />
            <NumberInput
              label={i === 0 ? t('order.unitPrice') : undefined}
              aria-label={t('order.unitPrice')}
              min={0}
              decimalScale={2}
              {...separators}
              value={line.unit_price}
              onChange={(v) => set(line.key, { unit_price: String(v) })}
              w={130}
              data-testid="item-price"
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={i === 0 ? 28 : 4}
              aria-label={t('newOrder.removeLine')}
              disabled={lines.length === 1}
              onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </div>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...lines, newLine()])}
          disabled={lines.length >= 200}
          data-testid="item-add"
        >
          {t('newOrder.addLine')}
        </Button>
        {lines.length >= 200 && (
          <Text size="xs" c="dimmed">
            {t('newOrder.maxLines')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
