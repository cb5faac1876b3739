import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CodImport } from '../../api/cod';

/** What an import did: lines new, already known (not counted again), unmatched AWBs. */
export function CodImportResult({ result }: { result: CodImport }) {
  const { t } = useTranslation();
  const failed = result.state === 'failed';
  return (
    <Alert
      color={failed ? 'red' : result.lines_unmatched > 0 ? 'orange' : 'green'}
      title={t(`cod.result.${result.state}`)}
      data-testid="cod-import-result"
    >
      {failed ? (
        result.messages.map((m, i) => (
          <Text size="sm" key={i}>
            {t(`cod.result.messages.${m.code}`, { defaultValue: m.text || m.code })}
          </Text>
        ))
      ) : (
        <>
          <Group gap="lg">
            <Text size="sm" data-testid="cod-result-new">
              {t('cod.result.new', { count: result.lines_new })}
            </Text>
            <Text size="sm" data-testid="cod-result-known">
              {t('cod.result.known', { count: result.lines_known })}
            </Text>
            <Text size="sm" data-testid="cod-result-unmatched">
              {t('cod.result.unmatched', { count: result.lines_unmatched })}
            </Text>
          </Group>
          {result.unmatched_awbs.length > 0 && (
            <Text size="sm" mt="xs" style={{ overflowWrap: 'anywhere' }}>
              {t('cod.result.unmatchedAwbs')}: {result.unmatched_awbs.join(', ')}
            </Text>
          )}
        </>
      )}
    </Alert>
  );
}
