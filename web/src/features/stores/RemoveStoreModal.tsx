import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storeLifecycleApi } from '../../api/store-lifecycle';
import type { Store } from '../../api/stores';
import { actionError } from './action-error';

type Choice = 'keep' | 'delete';

/**
 * Removing a store (owner): keep its orders readable, or delete every one of them (asked to
 * confirm). Afterwards the owner is told to delete the application password in WordPress, which
 * ecomdir cannot do for them.
 */
export function RemoveStoreModal({ store, onClose }: { store: Store; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Choice>('keep');
  const [sure, setSure] = useState(false);
  const remove = useMutation({
    mutationFn: () => storeLifecycleApi.remove(store.id, choice === 'keep'),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stores'] });
      void qc.invalidateQueries({ queryKey: ['orders'] });
    },
  });
  const done = remove.isSuccess;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('stores.remove.title', { name: store.name })}
      size="lg"
      data-testid="store-remove-modal"
    >
      {done ? (
        <Stack>
          <Text data-testid="store-removed-text">
            {choice === 'keep'
              ? t('stores.remove.doneKept', { name: store.name })
              : t('stores.remove.doneDeleted', {
                  name: store.name,
                  count: remove.data.orders_deleted,
                })}
          </Text>
          <Alert
            color="blue"
            icon={<IconInfoCircle size={18} />}
            title={t('stores.remove.appPasswordTitle')}
            data-testid="store-removed-app-password"
          >
            {t('stores.remove.appPasswordText')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="store-removed-close">
              {t('stores.remove.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('stores.remove.intro')}</Text>
            <Radio.Group
              value={choice}
              onChange={(v) => {
                setChoice(v === 'delete' ? 'delete' : 'keep');
                setSure(false);
              }}
              label={t('stores.remove.ordersLabel')}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="keep"
                  label={t('stores.remove.keep', { count: store.orders_count })}
                  data-testid="store-remove-keep"
                />
                <Radio
                  value="delete"
                  label={t('stores.remove.delete', { count: store.orders_count })}
                  data-testid="store-remove-delete"
                />
              </Stack>
            </Radio.Group>
            {choice === 'delete' && (
              <Checkbox
                checked={sure}
                onChange={(e) => setSure(e.currentTarget.checked)}
                label={t('stores.remove.confirmDelete', { count: store.orders_count })}
                data-testid="store-remove-confirm"
              />
            )}
            {remove.isError && (
              <Alert color="red" data-testid="store-remove-error">
                {actionError(t, remove.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                disabled={choice === 'delete' && !sure}
                loading={remove.isPending}
                data-testid="store-remove-submit"
              >
                {t('stores.remove.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
