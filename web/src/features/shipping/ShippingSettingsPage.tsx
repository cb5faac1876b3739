import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shippingSettingsApi, type ShippingSettings } from '../../api/shipping-settings';
import { PageHeader } from '../../shared/PageHeader';
import { EmptyState, ErrorState, ErrorText, PageLoader } from '../../shared/states';
import { useSession } from '../auth/session';
import { CourierAccountsSection } from './CourierAccountsSection';
import { DefaultsSection } from './DefaultsSection';
import { RulesSection } from './RulesSection';
import { SenderAddressesSection } from './SenderAddressesSection';

/**
 * The owner's shipping settings. Everything but the courier accounts is one document on the
 * server, edited here as a draft and saved whole with one button; courier accounts are saved
 * one by one (their credentials go in sealed and never come back).
 */
export function ShippingSettingsPage() {
  const { t } = useTranslation();
  // The settings are the owner's (the server refuses a manager): say so instead of an error.
  if (useSession().user.role !== 'owner')
    return (
      <>
        <PageHeader title={t('nav.shipping')} />
        <Paper withBorder>
          <EmptyState
            icon={<IconLock size={30} />}
            title={t('shippingSettings.ownerOnlyTitle')}
            description={t('shippingSettings.ownerOnlyText')}
            testId="shipping-owner-only"
          />
        </Paper>
      </>
    );
  return <OwnerShippingSettings />;
}

function OwnerShippingSettings() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['shipping', 'settings'],
    queryFn: shippingSettingsApi.get,
  });
  const couriers = useQuery({
    queryKey: ['shipping', 'couriers'],
    queryFn: shippingSettingsApi.couriers,
  });
  const [draft, setDraft] = useState<ShippingSettings | null>(null);
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);

  const save = useMutation({
    mutationFn: (s: ShippingSettings) => shippingSettingsApi.save(s),
    onSuccess: (saved) => {
      qc.setQueryData(['shipping', 'settings'], saved);
      setDraft(saved);
      notifications.show({ color: 'green', message: t('shippingSettings.saved') });
    },
  });

  const failed = settings.error ?? couriers.error;
  if (failed)
    return (
      <>
        <PageHeader title={t('nav.shipping')} />
        <ErrorState error={failed} onRetry={() => void settings.refetch()} />
      </>
    );
  if (!draft || !couriers.data) return <PageLoader />;

  // A courier's name in the reader's language when the catalog has it (the server's otherwise).
  const courierKeys = couriers.data.items.map((c) => ({
    value: c.key,
    label: t(`shippingSettings.couriers.${c.key}`, { defaultValue: c.name }),
  }));
  const change = (patch: Partial<ShippingSettings>) => setDraft({ ...draft, ...patch });
  return (
    <>
      <PageHeader title={t('nav.shipping')} />
      <Stack gap="lg" data-testid="shipping-settings">
        <SenderAddressesSection
          addresses={draft.sender_addresses}
          onChange={(sender_addresses) => change({ sender_addresses })}
        />
        <DefaultsSection settings={draft} couriers={courierKeys} onChange={change} />
        <RulesSection
          rules={draft.rules}
          couriers={courierKeys}
          onChange={(rules) => change({ rules })}
        />
        {save.isError && (
          <Alert color="red" data-testid="shipping-save-error">
            <ErrorText error={save.error} />
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => save.mutate(draft)}
            loading={save.isPending}
            data-testid="shipping-save"
          >
            {t('shippingSettings.save')}
          </Button>
        </Group>
        <CourierAccountsSection couriers={courierKeys} />
      </Stack>
    </>
  );
}
