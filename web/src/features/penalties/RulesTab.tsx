import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { storesApi } from '../../api/stores';
import { ErrorText, ErrorState, PageLoader } from '../../shared/states';
import { useSession } from '../auth/session';
import { SETTINGS_KEY, penaltiesApi, type PenaltySettings } from './penalties-api';

type Rules = PenaltySettings['rules'];
type Mode = Rules['scan_mismatch']['mode'];
const MODES = ['per_mismatch', 'per_order'] as const satisfies readonly Mode[];

/**
 * Which rules propose penalties and how; one document saved whole by the owner. A manager
 * reads it (to know what the rules will propose) but cannot change it.
 */
export function RulesTab() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const owner = useSession().user.role === 'owner';
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: penaltiesApi.settings });
  const stores = useQuery({ queryKey: ['stores'], queryFn: storesApi.list, enabled: owner });
  const [draft, setDraft] = useState<PenaltySettings | null>(null);
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);
  const save = useMutation({
    mutationFn: (s: PenaltySettings) => penaltiesApi.saveSettings(s),
    onSuccess: (saved) => {
      qc.setQueryData(SETTINGS_KEY, saved);
      setDraft(saved);
      notifications.show({ color: 'green', message: t('penalties.rulesForm.saved') });
    },
  });
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!draft) return <PageLoader />;
  const r = draft.rules;
  const setRule = <K extends keyof Rules>(key: K, patch: Partial<Rules[K]>) =>
    setDraft({ ...draft, rules: { ...r, [key]: { ...r[key], ...patch } } });
  const hoursOf = (storeId: number) =>
    r.late_packing.store_hours.find((s) => s.store_id === storeId)?.hours;
  const setStoreHours = (storeId: number, hours: number | null) =>
    setRule('late_packing', {
      store_hours: [
        ...r.late_packing.store_hours.filter((s) => s.store_id !== storeId),
        ...(hours ? [{ store_id: storeId, hours }] : []),
      ],
    });
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings.data);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <Stack gap="sm" data-testid="penalty-rules">
        {!owner && (
          <Alert color="gray" variant="light" data-testid="rules-owner-only">
            {t('penalties.rulesForm.ownerOnly')}
          </Alert>
        )}
        <fieldset disabled={!owner} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            <Rule
              title={t('penalties.rules.scan_mismatch.long')}
              on={r.scan_mismatch.enabled}
              onToggle={(enabled) => setRule('scan_mismatch', { enabled })}
              testId="rule-scan_mismatch"
            >
              <Radio.Group
                value={r.scan_mismatch.mode}
                onChange={(mode) => setRule('scan_mismatch', { mode: mode })}
                aria-label={t('penalties.rules.scan_mismatch.long')}
                data-testid="rule-scan-mode"
              >
                <Group gap="md">
                  {MODES.map((m) => (
                    <Radio
                      key={m}
                      value={m}
                      label={t(`penalties.rulesForm.${m}`)}
                      disabled={!owner || !r.scan_mismatch.enabled}
                    />
                  ))}
                </Group>
              </Radio.Group>
            </Rule>
            <Rule
              title={t('penalties.rules.late_packing.long')}
              on={r.late_packing.enabled}
              onToggle={(enabled) => setRule('late_packing', { enabled })}
              testId="rule-late_packing"
            >
              <Text size="sm" c="dimmed">
                {t('penalties.rulesForm.hoursHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
                <NumberInput
                  label={t('penalties.rulesForm.defaultHours')}
                  value={r.late_packing.default_hours}
                  onChange={(v) =>
                    setRule('late_packing', {
                      default_hours: Number(v) || r.late_packing.default_hours,
                    })
                  }
                  min={1}
                  max={720}
                  allowDecimal={false}
                  disabled={!owner || !r.late_packing.enabled}
                  data-testid="rule-default-hours"
                />
                {(stores.data?.items ?? []).map((s) => (
                  <NumberInput
                    key={s.id}
                    label={t('penalties.rulesForm.storeHours', { store: s.name })}
                    placeholder={String(r.late_packing.default_hours)}
                    value={hoursOf(s.id) ?? ''}
                    onChange={(v) => setStoreHours(s.id, v === '' ? null : Number(v))}
                    min={1}
                    max={720}
                    allowDecimal={false}
                    disabled={!owner || !r.late_packing.enabled}
                    data-testid="rule-store-hours"
                  />
                ))}
              </SimpleGrid>
            </Rule>
            <Rule
              title={t('penalties.rules.packing_error.long')}
              on={r.packing_error.enabled}
              onToggle={(enabled) => setRule('packing_error', { enabled })}
              testId="rule-packing_error"
            />
            <Rule
              title={t('penalties.rules.awb_cancelled.long')}
              on={r.awb_cancelled_packing_error.enabled}
              onToggle={(enabled) => setRule('awb_cancelled_packing_error', { enabled })}
              testId="rule-awb_cancelled"
            />
            <Paper withBorder p="md">
              <Switch
                label={t('penalties.rulesForm.managersMayApply')}
                description={t('penalties.rulesForm.managersMayApplyHint')}
                checked={draft.managers_may_apply}
                onChange={(e) =>
                  setDraft({ ...draft, managers_may_apply: e.currentTarget.checked })
                }
                data-testid="rule-managers-may-apply"
              />
            </Paper>
          </Stack>
        </fieldset>
        {save.isError && (
          <Alert color="red" variant="light">
            <ErrorText error={save.error} />
          </Alert>
        )}
        {owner && (
          <Group justify="flex-end">
            <Button
              type="submit"
              disabled={!dirty}
              loading={save.isPending}
              data-testid="rules-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function Rule({
  title,
  on,
  onToggle,
  testId,
  children,
}: {
  title: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={5}>{title}</Title>
          <Switch
            checked={on}
            onChange={(e) => onToggle(e.currentTarget.checked)}
            aria-label={title}
            data-testid={`${testId}-on`}
          />
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
