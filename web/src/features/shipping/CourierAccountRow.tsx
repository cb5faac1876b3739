import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConnectionTest,
  type CourierAccount,
  type CourierInfo,
  shippingSettingsApi,
} from '../../api/shipping-settings';
import { ErrorText, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { CourierFieldInputs } from './CourierFieldInputs';

/** A courier's message in the reader's language where ecomdir knows its code, else verbatim. */
export function useCourierMessage() {
  const { t } = useTranslation();
  return (m: { code: string; text: string }) =>
    t(`shipping.messages.${m.code}`, { defaultValue: '' }) ||
    (m.text ? `${m.text} (${m.code})` : m.code);
}

/**
 * One courier login: its name and courier; Edit (name and fields, a secret left empty stays),
 * Test connection (the courier's services and pickup points become the choices saved as the
 * login's options `service` and `pickup_point`), and remove (asked twice).
 */
export function CourierAccountRow({
  account,
  courier,
  courierLabel,
}: {
  account: CourierAccount;
  courier: CourierInfo | undefined;
  courierLabel: string;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const qc = useQueryClient();
  const courierMessage = useCourierMessage();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(account.name);
  const [values, setValues] = useState<Record<string, string>>({});
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [service, setService] = useState(account.options.service ?? '');
  const [pickup, setPickup] = useState(account.options.pickup_point ?? '');
  const refresh = () => qc.invalidateQueries({ queryKey: ['shipping', 'courier-accounts'] });

  const edit = useMutation({
    mutationFn: () => shippingSettingsApi.editAccount(account.id, { name, credentials: values }),
    onSuccess: () => {
      setEditing(false);
      setValues({});
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => shippingSettingsApi.removeAccount(account.id),
    onSuccess: () => void refresh(),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const testIt = useMutation({
    mutationFn: () => shippingSettingsApi.testAccount(account.id),
    onSuccess: (r) => {
      setTest(r);
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const saveChoices = useMutation({
    mutationFn: async () => {
      // Read afresh: Test connection has just saved the courier's locker services as an option.
      const fresh = (await shippingSettingsApi.accounts()).items.find((a) => a.id === account.id);
      // An empty choice removes the option: the courier's own default applies.
      const rest = Object.entries(fresh?.options ?? account.options).filter(
        ([k]) => k !== 'service' && k !== 'pickup_point',
      );
      const options: Record<string, string> = {
        ...Object.fromEntries(rest),
        ...(service && { service }),
        ...(pickup && { pickup_point: pickup }),
      };
      return shippingSettingsApi.editAccount(account.id, { options });
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('shippingSettings.accounts.choicesSaved') });
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    edit.mutate();
  };

  return (
    <Stack gap="xs" data-testid="courier-account">
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {account.name}
          </Text>
          <Text size="xs" c="dimmed">
            {courierLabel} · {dateTime(account.created_at)}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          {courier?.operations.connect && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlugConnected size={14} />}
              loading={testIt.isPending}
              onClick={() => testIt.mutate()}
              data-testid="courier-account-test"
            >
              {t('shippingSettings.accounts.test')}
            </Button>
          )}
          <ActionIcon
            variant="subtle"
            aria-label={t('shippingSettings.accounts.edit')}
            onClick={() => setEditing(!editing)}
            data-testid="courier-account-edit"
          >
            <IconPencil size={16} />
          </ActionIcon>
          {confirming ? (
            // Removing a login cannot be undone (its secret is not shown again): asked twice.
            <>
              <Button
                size="xs"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
                data-testid="courier-account-remove-confirm"
              >
                {t('shippingSettings.accounts.confirmRemove')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('shippingSettings.accounts.remove')}
              onClick={() => setConfirming(true)}
              data-testid="courier-account-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      </Group>
      {editing && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            {edit.isError && <ErrorText error={edit.error} />}
            <TextInput
              label={t('shippingSettings.accounts.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <CourierFieldInputs
              fields={courier?.credential_fields ?? []}
              values={values}
              stored={account.credential_keys}
              onChange={setValues}
            />
            <Group>
              <Button
                type="submit"
                size="xs"
                loading={edit.isPending}
                data-testid="courier-account-save"
              >
                {t('shippingSettings.accounts.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {test && !test.ok && (
        <Alert color="red" data-testid="courier-test-result">
          {t('shippingSettings.accounts.testFailed')}{' '}
          {test.messages.map((m) => courierMessage(m)).join('; ')}
        </Alert>
      )}
      {test?.ok && (
        <Alert color="green" data-testid="courier-test-result">
          <Stack gap="xs">
            <Text size="sm">{t('shippingSettings.accounts.testOk')}</Text>
            <NativeSelect
              label={t('shippingSettings.accounts.defaultService')}
              value={service}
              onChange={(e) => setService(e.currentTarget.value)}
              data={[
                { value: '', label: t('shippingSettings.accounts.noChoice') },
                ...test.services.map((s) => ({
                  value: s.id,
                  label: s.locker
                    ? `${s.name} (${t('shippingSettings.accounts.lockerService')})`
                    : s.name,
                })),
              ]}
              data-testid="courier-choice-service"
            />
            <NativeSelect
              label={t('shippingSettings.accounts.pickupPoint')}
              value={pickup}
              onChange={(e) => setPickup(e.currentTarget.value)}
              data={[
                { value: '', label: t('shippingSettings.accounts.noChoice') },
                ...test.pickup_points.map((p) => ({
                  value: p.id,
                  label: `${p.name} — ${p.address}`,
                })),
              ]}
              data-testid="courier-choice-pickup"
            />
            <Group>
              <Button
                size="xs"
                loading={saveChoices.isPending}
                onClick={() => saveChoices.mutate()}
                data-testid="courier-choices-save"
              >
                {t('shippingSettings.accounts.saveChoices')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
