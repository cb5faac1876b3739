import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StationItem } from './station-api';

/** The order's lines with their count; a complete line turns green. */
export function ScanLines({ items }: { items: StationItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {items.map((i) => {
        const done = i.scanned >= i.quantity;
        return (
          <Card
            key={i.id}
            withBorder
            padding="md"
            bg={done ? 'teal.0' : undefined}
            data-testid="scan-line"
            data-sku={i.sku}
            data-done={done}
          >
            <Group justify="space-between" wrap="nowrap">
              {/* The name wraps; the count keeps its width (it showed "0 …" on a phone). */}
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
                  {i.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('station.sku')}: {i.sku || '—'}
                  {i.ean ? ` · EAN ${i.ean}` : ''}
                </Text>
              </Stack>
              <Badge
                size="xl"
                color={done ? 'teal' : 'gray'}
                variant={done ? 'filled' : 'light'}
                data-testid="line-count"
                style={{ flexShrink: 0, overflow: 'visible', maxWidth: 'none' }}
              >
                {i.scanned} / {i.quantity}
              </Badge>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
