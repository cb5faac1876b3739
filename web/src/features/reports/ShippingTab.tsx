import { Paper, SimpleGrid, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { shippingSettingsApi } from '../../api/shipping-settings';
import { QueryContent } from '../../shared/states';
import { ReportEmpty } from './ReportEmpty';
import { ChartFrame } from './ChartFrame';
import { countText, minutesText, rateText, seriesOrder } from './report-format';
import { reportKey, reportsApi, type ReportFilter, type ShippingRow } from './reports-api';
import { TabHeader } from './TabHeader';

/** Per store and per courier: volumes, order → AWB time, delivery and return rates. */
export function ShippingTab({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: reportKey('shipping', filter),
    queryFn: () => reportsApi.shipping(filter),
  });
  const couriers = useQuery({
    queryKey: ['shipping', 'couriers'],
    queryFn: shippingSettingsApi.couriers,
  });
  /**
   * The server names couriers by key and leaves the two special rows unnamed: orders made by
   * hand (store '0') and orders without an AWB (courier ''); they are named here, translated.
   */
  const namedStore = (r: ShippingRow): ShippingRow =>
    r.key === '0' && !r.name ? { ...r, name: t('reports.shipping.byHand') } : r;
  const namedCourier = (r: ShippingRow): ShippingRow => ({
    ...r,
    name:
      r.key === ''
        ? t('reports.shipping.noAwb')
        : (couriers.data?.items.find((c) => c.key === r.key)?.name ?? r.key),
  });
  return (
    <>
      <TabHeader title={t('reports.tabs.shipping')} kind="shipping" filter={filter} />
      <QueryContent
        query={report}
        isEmpty={(d) => d.stores.every((r) => r.orders === 0 && r.shipments === 0)}
        empty={<ReportEmpty icon={<IconTruckDelivery size={30} />} />}
      >
        {(raw) => {
          const data = {
            ...raw,
            stores: raw.stores.map(namedStore),
            couriers: raw.couriers.map(namedCourier),
          };
          return (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <RatesChart
                  rows={data.couriers}
                  title={t('reports.charts.ratesByCourier')}
                  id="couriers"
                />
                <RatesChart
                  rows={data.stores}
                  title={t('reports.charts.ratesByStore')}
                  id="stores"
                />
              </SimpleGrid>
              <Title order={4}>{t('reports.shipping.stores')}</Title>
              <ShippingTable rows={data.stores} testId="stores-table" />
              <Title order={4}>{t('reports.shipping.couriers')}</Title>
              <ShippingTable rows={data.couriers} testId="couriers-table" />
            </Stack>
          );
        }}
      </QueryContent>
    </>
  );
}

/** Rates as whole percents on the chart (a bar of 0.125 reads "12.5 %"). */
function RatesChart({ rows, title, id }: { rows: ShippingRow[]; title: string; id: string }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const data = rows
    .filter((r) => r.shipments > 0)
    .map((r) => ({
      name: r.name,
      delivery: r.delivery_rate === null ? null : Math.round(r.delivery_rate * 1000) / 10,
      returns: r.return_rate === null ? null : Math.round(r.return_rate * 1000) / 10,
    }));
  if (data.every((r) => r.delivery === null))
    return (
      <Paper withBorder p="sm" className="report-chart" data-testid={`chart-rates-${id}`}>
        <Text fw={600} size="sm" mb="xs">
          {title}
        </Text>
        <Text c="dimmed" size="sm" py="xl" ta="center" data-testid="chart-no-rates">
          {t('reports.shipping.noRates')}
        </Text>
      </Paper>
    );
  const pct = (v: unknown) => (typeof v === 'number' ? rateText(v / 100, i18n.language) : '—');
  return (
    <ChartFrame title={title} testId={`chart-rates-${id}`}>
      <BarChart data={data} margin={{ top: 20, right: 8, left: 0, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" width={48} />
        <Tooltip itemSorter={seriesOrder} formatter={pct} />
        <Legend itemSorter={null} />
        <Bar
          dataKey="delivery"
          name={t('reports.shipping.deliveryRate')}
          fill={theme.colors.teal[6]}
          isAnimationActive={false}
        >
          <LabelList dataKey="delivery" position="top" fontSize={11} formatter={pct} />
        </Bar>
        <Bar
          dataKey="returns"
          name={t('reports.shipping.returnRate')}
          fill={theme.colors.red[6]}
          isAnimationActive={false}
        >
          <LabelList dataKey="returns" position="top" fontSize={11} formatter={pct} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

function ShippingTable({ rows, testId }: { rows: ShippingRow[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => countText(x, i18n.language);
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={900} className="report-table" data-scroll-x>
      <Table verticalSpacing={6} striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.shipping.name')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.orders')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.shipments')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.toAwbMedian')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.toAwbP90')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.delivered')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.returned')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.deliveryRate')}</Table.Th>
            <Table.Th ta="right">{t('reports.shipping.returnRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid="shipping-row" data-key={r.key}>
              <Table.Td fw={600} style={nowrap}>
                {r.name}
              </Table.Td>
              <Table.Td ta="right" data-col="orders">
                {n(r.orders)}
              </Table.Td>
              <Table.Td ta="right" data-col="shipments">
                {n(r.shipments)}
              </Table.Td>
              <Table.Td ta="right" style={nowrap} data-col="to_awb_median">
                {minutesText(r.to_awb_median)}
              </Table.Td>
              <Table.Td ta="right" style={nowrap} data-col="to_awb_p90">
                {minutesText(r.to_awb_p90)}
              </Table.Td>
              <Table.Td ta="right" data-col="delivered">
                {n(r.delivered)}
              </Table.Td>
              <Table.Td ta="right" data-col="returned">
                {n(r.returned)}
              </Table.Td>
              <Table.Td ta="right" data-col="delivery_rate">
                {rateText(r.delivery_rate, i18n.language)}
              </Table.Td>
              <Table.Td ta="right" data-col="return_rate">
                {rateText(r.return_rate, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
