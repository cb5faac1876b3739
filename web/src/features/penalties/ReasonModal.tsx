import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Every decision on a penalty says why (apply, waive, reverse, resolve, contest): one dialog
 * asking for that text, refusing to submit it empty.
 */
export function ReasonModal({
  opened,
  title,
  label,
  submit,
  loading,
  onClose,
  onSubmit,
  testId,
  children,
}: {
  opened: boolean;
  title: string;
  label: string;
  submit: string;
  loading: boolean;
  onClose: () => void;
  onSubmit: (text: string) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  // A dialog opened again starts empty (the last text was for another decision).
  const [wasOpen, setWasOpen] = useState(opened);
  if (wasOpen !== opened) {
    setWasOpen(opened);
    if (opened) {
      setText('');
      setTouched(false);
    }
  }
  const empty = text.trim() === '';
  return (
    <Modal opened={opened} onClose={onClose} title={title} data-testid={testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!empty) onSubmit(text.trim());
        }}
      >
        <Stack gap="sm">
          {children}
          <Textarea
            label={label}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={touched && empty ? t('penalties.reasonRequired') : undefined}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            data-testid={`${testId}-text`}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid={`${testId}-submit`}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
