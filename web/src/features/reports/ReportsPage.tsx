import { Button, Tabs, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { useFormat } from '../../shared/use-format';
import { DaysTab } from './DaysTab';
import { PackersTab } from './PackersTab';
import { periodParams, readPeriod, todayIn, type Period } from './period';
import { dayLong } from './report-format';
import { ReportFilters } from './ReportFilters';
import { REPORT_KINDS, type ReportFilter, type ReportKind } from './reports-api';
import { ShippingTab } from './ShippingTab';
import { PRINT_CSS } from './use-printing';

/**
 * The owner's morning reading: per packer, per day, per store and courier, for a period and
 * filters kept in the address (a link or a reload shows the same report). Printed without the
 * menu; every tab exports the same figures as CSV and XLSX.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const today = todayIn(fmt.timezone);
  const period = readPeriod(params, today);
  const storeParam = Number(params.get('store'));
  const storeId = Number.isInteger(storeParam) && storeParam > 0 ? storeParam : undefined;
  const courier = params.get('courier') || undefined;
  const tab: ReportKind = REPORT_KINDS.find((k) => k === params.get('tab')) ?? 'packers';

  const filter: ReportFilter = useMemo(
    () => ({ from: period.from, to: period.to, store_id: storeId, courier }),
    [period.from, period.to, storeId, courier],
  );

  /**
   * Changes one part of the address and keeps the others as the address has them now (not as
   * this render saw them: two quick changes must not undo each other). React Router's updater is
   * handed the search params of the last render, so the address is read from the window itself.
   */
  const go = (
    patch: Partial<{ period: Period; store: number; courier: string; tab: ReportKind }>,
  ) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        if (patch.period) {
          for (const k of ['period', 'from', 'to']) next.delete(k);
          for (const [k, v] of Object.entries(periodParams(patch.period))) next.set(k, v);
        }
        const set = (key: string, value: string | undefined) =>
          value ? next.set(key, value) : next.delete(key);
        if ('store' in patch) set('store', patch.store ? String(patch.store) : undefined);
        if ('courier' in patch) set('courier', patch.courier);
        if (patch.tab) set('tab', patch.tab === 'packers' ? undefined : patch.tab);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        title={t('nav.reports')}
        subtitle={
          <span data-testid="report-range-text">
            {t('reports.range', {
              from: dayLong(period.from, i18n.language),
              to: dayLong(period.to, i18n.language),
            })}
          </span>
        }
        actions={
          <Button
            className="no-print"
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => window.print()}
            data-testid="report-print"
          >
            {t('reports.print')}
          </Button>
        }
      />
      <ReportFilters
        period={period}
        storeId={storeId}
        courier={courier}
        onPeriod={(p) => go({ period: p })}
        onStore={(id) => go({ store: id })}
        onCourier={(key) => go({ courier: key })}
      />
      <Tabs
        value={tab}
        onChange={(v) => go({ tab: REPORT_KINDS.find((k) => k === v) ?? 'packers' })}
        keepMounted={false}
      >
        <Tabs.List mb="md" className="no-print">
          {REPORT_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`report-tab-${k}`}>
              {t(`reports.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="packers">
          <PackersTab filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="days">
          <DaysTab filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="shipping">
          <ShippingTab filter={filter} />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed" mt="md">
        {t('reports.zoneNote', { zone: fmt.timezone })}
      </Text>
    </>
  );
}
