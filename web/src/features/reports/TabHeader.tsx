import { Group, Title } from '@mantine/core';
import { ExportButtons } from './ExportButtons';
import type { ReportFilter, ReportKind } from './reports-api';

/** A tab's title (it is what names the printed page, the tabs are not printed) and its exports. */
export function TabHeader({
  title,
  kind,
  filter,
}: {
  title: string;
  kind: ReportKind;
  filter: ReportFilter;
}) {
  return (
    <Group justify="space-between" align="center" mb="sm" wrap="wrap" gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      <ExportButtons kind={kind} filter={filter} />
    </Group>
  );
}
