import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ErrorText } from '../../shared/states';

/** The state of the mutation a form sends (TanStack Query's `useMutation` result fits). */
interface Sending {
  mutate: () => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * One settings form: a heading (a title with its help, or a plain label), the refusal in the
 * reader's language, the fields, and a submit button that shows the request in flight.
 * The password, PIN-policy and add-manager forms all have this shape.
 */
export function SettingsForm({
  title,
  help,
  label,
  sending,
  submitLabel,
  testIds = {},
  children,
}: {
  title?: string;
  help?: string;
  /** A smaller heading, for a form inside a section that has its own title. */
  label?: string;
  sending: Sending;
  submitLabel: string;
  testIds?: { error?: string; submit?: string };
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sending.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {title && (
          <div>
            <Title order={3}>{title}</Title>
            {help && (
              <Text size="sm" c="dimmed">
                {help}
              </Text>
            )}
          </div>
        )}
        {label && <Text fw={600}>{label}</Text>}
        {sending.isError && (
          <Alert color="red" data-testid={testIds.error}>
            <ErrorText error={sending.error} />
          </Alert>
        )}
        {children}
        <Group>
          <Button type="submit" loading={sending.isPending} data-testid={testIds.submit}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
