import { Paper, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { PRINT_CHART_WIDTH, usePrinting } from './use-printing';

/** A titled chart: as wide as its column on screen, a fixed width on paper. */
export function ChartFrame({
  title,
  testId,
  height = 280,
  children,
}: {
  title: string;
  testId: string;
  height?: number;
  children: ReactElement;
}) {
  const printing = usePrinting();
  return (
    <Paper withBorder p="sm" className="report-chart" data-testid={testId}>
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      <ResponsiveContainer width={printing ? PRINT_CHART_WIDTH : '100%'} height={height}>
        {children}
      </ResponsiveContainer>
    </Paper>
  );
}
