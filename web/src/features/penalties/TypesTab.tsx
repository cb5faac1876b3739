import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText, QueryContent, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { useSession } from '../auth/session';
import { TYPES_KEY, penaltiesApi, type PenaltyType } from './penalties-api';
import { fromMinor, toMinor, typeName } from './penalty-format';

/** Penalty types with their default amounts; the owner adds, renames, reprices and retires them. */
export function TypesTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const owner = useSession().user.role === 'owner';
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: penaltiesApi.types });
  const [editing, setEditing] = useState<PenaltyType | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (x: PenaltyType) => penaltiesApi.updateType(x.id, { active: !x.active }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: TYPES_KEY }),
  });
  return (
    <Stack gap="sm">
      {owner && (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={16} />}
            variant="light"
            onClick={() => setEditing('new')}
            data-testid="type-add"
          >
            {t('penalties.types.add')}
          </Button>
        </Group>
      )}
      <Paper withBorder>
        <QueryContent query={types}>
          {(data) => (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('penalties.types.name')}</Table.Th>
                    <Table.Th ta="right">{t('penalties.types.amount')}</Table.Th>
                    <Table.Th>{t('penalties.types.active')}</Table.Th>
                    {owner && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((x) => (
                    <Table.Tr key={x.id} data-testid="type-row">
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {typeName(x, t)}
                        </Text>
                        {x.description && (
                          <Text size="xs" c="dimmed">
                            {x.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {fmt.money(fromMinor(x.default_amount_minor))}
                      </Table.Td>
                      <Table.Td>
                        {owner ? (
                          <Switch
                            checked={x.active}
                            onChange={() => toggle.mutate(x)}
                            aria-label={t('penalties.types.activeOf', { name: typeName(x, t) })}
                            data-testid="type-active"
                          />
                        ) : (
                          <Badge color={x.active ? 'green' : 'gray'} variant="light">
                            {x.active ? t('penalties.types.on') : t('penalties.types.off')}
                          </Badge>
                        )}
                      </Table.Td>
                      {owner && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditing(x)}
                            data-testid="type-edit"
                          >
                            {t('common.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryContent>
      </Paper>
      {editing && (
        <TypeModal type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function TypeModal({ type, onClose }: { type: PenaltyType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  // A default type shows its translated name; saving it unchanged keeps it translated.
  const shownName = typeName(type, t);
  const [name, setName] = useState(type ? shownName : '');
  const [description, setDescription] = useState(type?.description ?? '');
  const [amount, setAmount] = useState(type ? fromMinor(type.default_amount_minor).toFixed(2) : '');
  const [active, setActive] = useState(type?.active ?? true);
  const [touched, setTouched] = useState(false);
  const minor = toMinor(amount);
  const save = useMutation({
    mutationFn: () => {
      const renamed = !type || name.trim() !== shownName;
      const body = {
        description: description.trim(),
        default_amount_minor: minor ?? 0,
        active,
      };
      return type
        ? penaltiesApi.updateType(type.id, renamed ? { ...body, name: name.trim() } : body)
        : penaltiesApi.addType({ ...body, name: name.trim() });
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('penalties.types.saved') });
      onClose();
    },
    onSettled: () => qc.invalidateQueries({ queryKey: TYPES_KEY }),
  });
  const invalid = name.trim() === '' || minor === null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={type ? t('penalties.types.editTitle') : t('penalties.types.add')}
      data-testid="type-modal"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!invalid) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('penalties.types.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={touched && !name.trim() ? t('penalties.add.required') : undefined}
            maxLength={100}
            data-autofocus
            data-testid="type-name"
          />
          <Textarea
            label={t('penalties.types.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
            data-testid="type-description"
          />
          <TextInput
            label={t('penalties.add.amount', { currency: fmt.currency })}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            inputMode="decimal"
            error={touched && minor === null ? t('penalties.add.amountInvalid') : undefined}
            data-testid="type-amount"
          />
          <Switch
            label={t('penalties.types.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            data-testid="type-modal-active"
          />
          {save.isError && (
            <Alert color="red" variant="light">
              <ErrorText error={save.error} />
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="type-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
