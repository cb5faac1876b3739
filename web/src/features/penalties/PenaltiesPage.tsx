import { Button, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shared/PageHeader';
import { useLiveEvents } from '../../shared/use-live-events';
import { useSession } from '../auth/session';
import { AddPenaltyModal } from './AddPenaltyModal';
import { LedgerTab } from './LedgerTab';
import { PENALTIES_KEY, SETTINGS_KEY, penaltiesApi } from './penalties-api';
import { RulesTab } from './RulesTab';
import { SummaryTab } from './SummaryTab';
import { TypesTab } from './TypesTab';

const TABS = ['ledger', 'summary', 'types', 'rules'] as const;
type Tab = (typeof TABS)[number];

/**
 * Who may decide: the owner always; a manager only when the owner's settings allow it (the
 * server checks again, this only hides buttons that would be refused).
 */
export function useMayDecide(): boolean {
  const role = useSession().user.role;
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: penaltiesApi.settings,
    enabled: role === 'manager',
  });
  return role === 'owner' || (role === 'manager' && settings.data?.managers_may_apply === true);
}

/** The penalty ledger and what feeds it: types, rules, the monthly summary for payroll. */
export function PenaltiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'ledger';
  useLiveEvents([PENALTIES_KEY], ['penalties.changed']);
  return (
    <>
      <PageHeader
        title={t('nav.penalties')}
        subtitle={t('penalties.subtitle')}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            data-testid="penalty-add"
          >
            {t('penalties.add.button')}
          </Button>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'ledger' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`penalties-tab-${x}`}>
              {t(`penalties.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="ledger">
          <LedgerTab />
        </Tabs.Panel>
        <Tabs.Panel value="summary">
          <SummaryTab />
        </Tabs.Panel>
        <Tabs.Panel value="types">
          <TypesTab />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesTab />
        </Tabs.Panel>
      </Tabs>
      <AddPenaltyModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
