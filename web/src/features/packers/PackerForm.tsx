import {
  Alert,
  Button,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  PasswordInput,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { emptySchedule, packersApi, type Packer, type PackerCreate } from '../../api/packers';
import { storesApi } from '../../api/stores';
import { ErrorText } from '../../shared/states';
import { isAlwaysAvailable, scheduleErrors } from './schedule';
import { ShiftsEditor } from './ShiftsEditor';

const USERNAME = /^[a-z0-9._-]{3,32}$/;
const PIN = /^\d{4,8}$/;

export function PackerForm({ packer }: { packer: Packer | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const stores = useQuery({ queryKey: ['stores'], queryFn: storesApi.list });
  const [form, setForm] = useState({
    name: packer?.name ?? '',
    username: packer?.username ?? '',
    pin: '',
    active: packer?.active ?? true,
    weight: packer?.weight ?? 1,
    max_open_orders: packer?.max_open_orders ?? null,
    skills: packer?.skills ?? [],
    allowed_store_ids: packer?.allowed_store_ids ?? [],
    shifts: packer?.shifts ?? emptySchedule(),
  });
  const [errors, setErrors] = useState<Partial<Record<'name' | 'username' | 'pin', string>>>({});
  const [shiftErrors, setShiftErrors] = useState<Partial<Record<string, string>>>({});
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const save = useMutation({
    mutationFn: () => {
      const body: PackerCreate = {
        name: form.name.trim(),
        username: form.username.trim().toLowerCase(),
        pin: form.pin,
        active: form.active,
        weight: form.weight,
        max_open_orders: form.max_open_orders,
        skills: form.skills,
        allowed_store_ids: form.allowed_store_ids,
        shifts: form.shifts,
      };
      if (packer) {
        const { pin, ...rest } = body;
        return packersApi.update(packer.id, pin ? body : rest);
      }
      return packersApi.create(body);
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['packers'] });
      notifications.show({ color: 'green', message: t('packers.saved', { name: saved.name }) });
      void navigate('/packers');
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!form.name.trim()) found.name = t('newOrder.required');
    if (!USERNAME.test(form.username.trim().toLowerCase()))
      found.username = t('packers.usernameRule');
    if ((!packer || form.pin) && !PIN.test(form.pin)) found.pin = t('packers.pinRule');
    const sErrors = scheduleErrors(form.shifts, t);
    setErrors(found);
    setShiftErrors(sErrors);
    if (Object.keys(found).length === 0 && Object.keys(sErrors).length === 0) save.mutate();
  };

  const storeOptions = (stores.data?.items ?? []).map((s) => ({
    value: String(s.id),
    label: s.name,
  }));

  return (
    <form onSubmit={submit} noValidate data-testid="packer-form">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <TextInput
                label={t('packers.name')}
                required
                maxLength={120}
                value={form.name}
                error={errors.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                data-testid="packer-name"
              />
              <TextInput
                label={t('packers.username')}
                description={t('packers.usernameRule')}
                required
                maxLength={32}
                autoCapitalize="none"
                value={form.username}
                error={errors.username}
                onChange={(e) => set('username', e.currentTarget.value)}
                data-testid="packer-username"
              />
              <PasswordInput
                label={t('packers.pin')}
                description={packer ? t('packers.pinKeep') : t('packers.pinRule')}
                required={!packer}
                inputMode="numeric"
                maxLength={8}
                autoComplete="new-password"
                value={form.pin}
                error={errors.pin}
                onChange={(e) => set('pin', e.currentTarget.value.replace(/\D/g, ''))}
                data-testid="packer-pin"
              />
              <Switch
                label={t('packers.active')}
                description={t('packers.activeHint')}
                checked={form.active}
                onChange={(e) => set('active', e.currentTarget.checked)}
                data-testid="packer-active"
              />
              <NumberInput
                label={t('packers.weight')}
                description={t('packers.weightHint')}
                min={1}
                max={100}
                allowDecimal={false}
                clampBehavior="strict"
                value={form.weight}
                onChange={(v) => set('weight', typeof v === 'number' ? v : 1)}
                data-testid="packer-weight"
              />
              <NumberInput
                label={t('packers.maxOpen')}
                description={t('packers.maxOpenHint')}
                min={1}
                max={10000}
                allowDecimal={false}
                value={form.max_open_orders ?? ''}
                onChange={(v) => set('max_open_orders', typeof v === 'number' && v >= 1 ? v : null)}
                data-testid="packer-max-open"
              />
              <MultiSelect
                label={t('packers.allowedStores')}
                description={t('packers.allowedStoresHint')}
                placeholder={form.allowed_store_ids.length ? undefined : t('packers.allStores')}
                data={storeOptions}
                value={form.allowed_store_ids.map(String)}
                onChange={(v) => set('allowed_store_ids', v.map(Number))}
                nothingFoundMessage={t('packers.noStores')}
                disabled={storeOptions.length === 0 && form.allowed_store_ids.length === 0}
                data-testid="packer-stores"
              />
              <TagsInput
                label={t('packers.skills')}
                description={t('packers.skillsHint')}
                value={form.skills}
                onChange={(v) => set('skills', v.map((s) => s.trim()).filter(Boolean))}
                maxTags={50}
                clearable
                data-testid="packer-skills"
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t('packers.shifts')}</Title>
              {!isAlwaysAvailable(form.shifts) && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => set('shifts', emptySchedule())}
                >
                  {t('shifts.clear')}
                </Button>
              )}
            </Group>
            <Text size="sm" c="dimmed" mb="xs">
              {t('shifts.hint')}
            </Text>
            <ShiftsEditor
              value={form.shifts}
              onChange={(s) => set('shifts', s)}
              errors={shiftErrors}
            />
          </Paper>
        </Grid.Col>
      </Grid>
      <Stack mt="md" gap="sm">
        {save.isError && (
          <Alert color="red" data-testid="packer-error">
            <ErrorText error={save.error} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate('/packers')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="packer-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
