import { Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { packersApi } from '../../api/packers';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorState, PageLoader } from '../../shared/states';
import { PackerForm } from './PackerForm';
import { PackerWrongScans } from './PackerWrongScans';

export function PackerEditPage() {
  const { t } = useTranslation();
  const param = useParams().id;
  const id = param === undefined ? null : Number(param);
  const packer = useQuery({
    queryKey: ['packers', id],
    queryFn: () => packersApi.get(id ?? 0),
    enabled: id !== null && Number.isInteger(id),
  });
  const back = (
    <Anchor component={Link} to="/packers" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('packers.back')}
      </Group>
    </Anchor>
  );

  if (id === null)
    return (
      <Stack gap="xs">
        {back}
        <PageHeader title={t('packers.new')} />
        <PackerForm packer={null} />
      </Stack>
    );
  if (!Number.isInteger(id))
    return (
      <Stack>
        {back}
        <ErrorState error={new Error(t('packers.badId'))} />
      </Stack>
    );
  if (packer.isPending) return <PageLoader />;
  if (packer.isError)
    return (
      <Stack>
        {back}
        <ErrorState error={packer.error} onRetry={() => void packer.refetch()} />
      </Stack>
    );
  return (
    <Stack gap="xs">
      {back}
      <PageHeader title={t('packers.editTitle', { name: packer.data.name })} />
      <PackerForm key={packer.data.updated_at} packer={packer.data} />
      <PackerWrongScans packerId={packer.data.id} />
    </Stack>
  );
}
