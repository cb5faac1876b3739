import { ActionIcon, Code, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { stationAddress } from '../auth/station-code';

/**
 * The shop's packer station address, for the owner to open on the station's device: it names
 * the shop, so packers log in with just their username and PIN (usernames are per shop).
 */
export function StationAddress() {
  const { t } = useTranslation();
  const me = useSession();
  const address = stationAddress(me.account.station_code);
  return (
    <Paper withBorder p="md" mb="md">
      {/* On a phone the address goes under its title and breaks where it must. */}
      <Group justify="space-between">
        <div>
          <Text fw={600}>{t('packers.stationAddress')}</Text>
          <Text size="sm" c="dimmed">
            {t('packers.stationAddressHint')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" maw="100%">
          <Code fz="sm" data-testid="station-address" style={{ overflowWrap: 'anywhere' }}>
            {address}
          </Code>
          <CopyButton value={address}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('packers.copied') : t('packers.copy')}>
                <ActionIcon variant="subtle" onClick={copy} aria-label={t('packers.copy')}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Group>
    </Paper>
  );
}
