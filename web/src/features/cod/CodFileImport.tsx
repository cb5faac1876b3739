import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CodColumns,
  type CodFileImport as Result,
  type CodPreview,
  codApi,
} from '../../api/cod';
import { shipmentsApi } from '../../api/shipments';
import { ErrorText } from '../../shared/states';
import { CodImportResult } from './CodImportResult';

const ROLES = ['awb', 'amount', 'paid_at', 'reference'] as const;

/**
 * Upload of a courier's settlement export: the file is read once for a preview (the columns the
 * server recognised, the first rows); the owner confirms or picks the columns and the courier,
 * then the same file is imported and the result shown (new, already known, unmatched).
 */
export function CodFileImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const couriers = useQuery({ queryKey: ['shipping', 'couriers'], queryFn: shipmentsApi.couriers });
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CodPreview | null>(null);
  const [cols, setCols] = useState<CodColumns | null>(null);
  const [courier, setCourier] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const read = useMutation({
    mutationFn: (f: File) => codApi.preview(f),
    onSuccess: (p) => {
      setPreview(p);
      setCols(p.detected);
    },
  });
  const run = useMutation({
    mutationFn: () => {
      if (!file || !cols) throw new Error('no file');
      return codApi.importFile(file, courier || (couriers.data?.items[0]?.key ?? ''), cols);
    },
    onSuccess: (r) => {
      setResult(r);
      setPreview(null);
      void qc.invalidateQueries({ queryKey: ['cod'] });
    },
  });
  // Cleared after each choice: picking the same file again (a second import) still reads it.
  const resetRef = useRef<() => void>(null);
  const choose = (f: File | null) => {
    resetRef.current?.();
    setFile(f);
    setPreview(null);
    setResult(null);
    if (f) read.mutate(f);
  };
  const options = preview
    ? [
        { value: '', label: t('cod.file.noColumn') },
        ...preview.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` })),
      ]
    : [];
  const ready = cols && cols.awb !== null && cols.amount !== null && cols.paid_at !== null;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('cod.file.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('cod.file.help')}
        </Text>
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={choose} accept=".csv,.xlsx,.txt" resetRef={resetRef}>
            {(props) => (
              <Button
                {...props}
                leftSection={<IconUpload size={16} />}
                loading={read.isPending}
                data-testid="cod-file-choose"
              >
                {t('cod.file.choose')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
          )}
        </Group>
        {read.isError && <ErrorText error={read.error} />}
        {preview && cols && (
          <Stack gap="sm" data-testid="cod-preview">
            <Text size="sm">{t('cod.file.rows', { count: preview.row_count })}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
              <NativeSelect
                label={t('cod.file.courier')}
                data={(couriers.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))}
                value={courier || (couriers.data?.items[0]?.key ?? '')}
                onChange={(e) => setCourier(e.currentTarget.value)}
                data-testid="cod-file-courier"
              />
              {ROLES.map((role) => (
                <NativeSelect
                  key={role}
                  label={t(`cod.file.columns.${role}`)}
                  data={options}
                  value={cols[role] === null ? '' : String(cols[role])}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCols({ ...cols, [role]: v === '' ? null : Number(v) });
                  }}
                  data-testid={`cod-col-${role}`}
                />
              ))}
            </SimpleGrid>
            <Table.ScrollContainer minWidth={500}>
              <Table withTableBorder fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    {preview.headers.map((h, i) => (
                      <Table.Th key={i}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((r, i) => (
                    <Table.Tr key={i}>
                      {r.map((c, j) => (
                        <Table.Td key={j}>{c}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {!ready && <Alert color="orange">{t('cod.file.pickColumns')}</Alert>}
            <Group>
              <Button
                onClick={() => run.mutate()}
                disabled={!ready}
                loading={run.isPending}
                data-testid="cod-file-import"
              >
                {t('cod.file.import')}
              </Button>
            </Group>
          </Stack>
        )}
        {run.isError && <ErrorText error={run.error} />}
        {result && (
          <>
            <CodImportResult result={result} />
            {result.rejected_rows.length > 0 && (
              <Alert
                color="orange"
                title={t('cod.file.rejected', { count: result.rejected_rows.length })}
              >
                <List size="sm">
                  {result.rejected_rows.slice(0, 20).map((r) => (
                    <List.Item key={`${r.row}-${r.field}`}>
                      {t('cod.file.rejectedRow', {
                        row: r.row,
                        field: t(`cod.file.columns.${r.field}`),
                      })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
