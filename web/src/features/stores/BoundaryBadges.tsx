import { Badge, Group, List, Popover, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StoreBoundaryCounts, storeBoundaryApi } from '../../api/store-boundary';

/** The store's orders that disagree with the store, and those that could not be stored. */
export function BoundaryBadges({ counts }: { counts: StoreBoundaryCounts | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const quarantine = useQuery({
    queryKey: ['stores', 'quarantine', counts?.store_id],
    queryFn: () => storeBoundaryApi.quarantine(counts?.store_id ?? 0),
    enabled: open && !!counts?.quarantined,
  });
  if (!counts || (!counts.diverged && !counts.quarantined)) return null;
  return (
    <Group gap={4} mt={4}>
      {counts.diverged > 0 && (
        <Badge color="orange" variant="light" data-testid="store-diverged">
          {t('storeBoundary.divergedCount', { count: counts.diverged })}
        </Badge>
      )}
      {counts.quarantined > 0 && (
        <Popover opened={open} onChange={setOpen} width={320} withArrow>
          <Popover.Target>
            <Badge
              color="red"
              variant="light"
              style={{ cursor: 'pointer' }}
              onClick={() => setOpen((x) => !x)}
              data-testid="store-quarantined"
            >
              {t('storeBoundary.quarantinedCount', { count: counts.quarantined })}
            </Badge>
          </Popover.Target>
          <Popover.Dropdown>
            <Text size="sm" mb="xs">
              {t('storeBoundary.quarantinedText')}
            </Text>
            <List size="sm">
              {quarantine.data?.items.map((q) => (
                <List.Item key={q.external_id}>
                  {t('storeBoundary.quarantinedItem', {
                    number: q.number,
                    reason: t(`storeBoundary.quarantineReason.${q.reason}`, {
                      defaultValue: q.reason,
                    }),
                  })}
                </List.Item>
              ))}
            </List>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
