import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMapPin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type AddressMatch, shipmentsApi } from '../../api/shipments';
import { useCodedError } from '../../shared/coded-error';

type Locality = AddressMatch['candidates'][number];

const localityText = (l: Locality, t: TFunction) =>
  l.commune && l.commune !== l.name
    ? t('shipping.address_match.candidate_commune', l)
    : t('shipping.address_match.candidate', l);

/**
 * The recipient's locality as the order's courier knows it. When the match is not confident
 * the reason and the closest candidates are shown as buttons; choosing one saves it for the
 * order, and the AWB can then be generated. Nothing is shown for couriers without a list.
 */
export function AddressMatchPanel({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useCodedError();
  const key = ['orders', 'detail', orderId, 'address-match'];
  const match = useQuery({ queryKey: key, queryFn: () => shipmentsApi.addressMatch(orderId) });
  const choose = useMutation({
    mutationFn: (l: Locality) =>
      shipmentsApi.chooseLocality(orderId, {
        courier: match.data?.courier ?? '',
        locality: { id: l.id, name: l.name, county: l.county },
      }),
    onSuccess: (m) => {
      qc.setQueryData(key, m);
      notifications.show({
        color: 'green',
        message: t('shipping.address_match.saved', { name: m.match?.name ?? '' }),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const m = match.data;
  if (!m || m.status === 'not_needed') return null;
  const reason = m.reason ? t(`shipping.address_match.reasons.${m.reason}`) : '';
  if (m.status === 'matched' && m.match)
    return (
      <Group gap="xs" mb="sm" data-testid="address-match" wrap="wrap">
        <IconMapPin size={16} aria-hidden />
        <Text size="sm">{t('shipping.address_match.title')}:</Text>
        <Text size="sm" fw={500} data-testid="address-match-locality">
          {localityText(m.match, t)}
        </Text>
        <Text size="xs" c="dimmed">
          ({reason})
        </Text>
      </Group>
    );
  return (
    <Alert
      color="orange"
      mb="sm"
      title={t('shipping.address_match.title')}
      icon={<IconMapPin size={18} />}
      data-testid="address-match"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t(`shipping.address_match.${m.status === 'unmatched' ? 'unmatched' : 'ambiguous'}`)}
        </Text>
        <Text size="xs" c="dimmed" data-testid="address-match-reason">
          {reason}
        </Text>
        {m.candidates.length === 0 && <Text size="sm">{t('shipping.address_match.none')}</Text>}
        <Group gap="xs" wrap="wrap">
          {m.candidates.map((c) => (
            <Button
              key={`${c.id ?? ''}|${c.county}|${c.name}`}
              size="xs"
              variant="light"
              loading={choose.isPending && choose.variables === c}
              disabled={choose.isPending}
              onClick={() => choose.mutate(c)}
              data-testid="address-candidate"
            >
              {localityText(c, t)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}
