import { Alert, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import i18n from '../i18n';
import { errorText } from './error-text';

/** The translated sentence for an error (with the store's cause), for a notification. */
export function errorMessage(error: unknown): string {
  const e = errorText(error, i18n);
  return e.cause ? `${e.headline} ${e.cause}` : e.headline;
}

/** An error by its code in the reader's language; the server's text only small, below. */
export function ErrorText({ error }: { error: unknown }) {
  const { i18n: current } = useTranslation();
  const e = errorText(error, current);
  return (
    <Stack
      gap={4}
      data-testid="error-text"
      data-error-code={error instanceof ApiError ? error.code : undefined}
    >
      <Text size="sm" inherit>
        {e.headline}
      </Text>
      {e.cause && (
        <Text size="sm" inherit data-testid="error-cause">
          {e.cause}
        </Text>
      )}
      {e.detail && (
        <Text size="xs" c="dimmed" data-testid="error-detail" style={{ overflowWrap: 'anywhere' }}>
          {current.t('errors.detail', { detail: e.detail })}
        </Text>
      )}
    </Stack>
  );
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" data-testid="page-loading">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="page-loading">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** An error by its code, with Retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('common.errorTitle')}
      icon={<IconAlertTriangle />}
      data-testid="error-state"
    >
      <Stack gap="xs">
        <ErrorText error={error} />
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function FullPageError(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Center h="100vh" p="md">
      <ErrorState {...props} />
    </Center>
  );
}

export function EmptyState({
  title,
  description,
  icon,
  action,
  testId,
}: {
  title: string;
  description?: string;
  icon?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Stack align="center" gap="xs" py={48} px="md" data-testid={testId ?? 'empty-state'}>
      <ThemeIcon size={56} radius="xl" variant="light" color="gray">
        {icon ?? <IconInbox size={30} />}
      </ThemeIcon>
      <Title order={4} ta="center">
        {title}
      </Title>
      {description && (
        <Text c="dimmed" ta="center" maw={480}>
          {description}
        </Text>
      )}
      {action}
    </Stack>
  );
}

/**
 * A query's states in one place: the loader, the error with Retry, the empty state when
 * `isEmpty` says so, else `children` with the data.
 */
export function QueryContent<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
