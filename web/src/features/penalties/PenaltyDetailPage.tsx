import { Anchor, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { reasonText } from '../../shared/reason-text';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorState, PageLoader, errorMessage } from '../../shared/states';
import { useFormat } from '../../shared/use-format';
import { useLiveEvents } from '../../shared/use-live-events';
import { useSession } from '../auth/session';
import { useMayDecide } from './PenaltiesPage';
import { PenaltyStateBadge } from './PenaltyStateBadge';
import { ReasonModal } from './ReasonModal';
import { PENALTIES_KEY, penaltiesApi, penaltyKey, type PenaltyDetail } from './penalties-api';
import { fromMinor, penaltyTypeName } from './penalty-format';

type Action = 'apply' | 'waive' | 'reverse' | 'upheld' | 'cancelled';

/** One penalty: its facts, its photo, the ledger entries that made its state, and what may follow. */
export function PenaltyDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const penalty = useQuery({ queryKey: penaltyKey(id), queryFn: () => penaltiesApi.get(id) });
  useLiveEvents([penaltyKey(id)], ['penalties.changed']);
  const back = (
    <Anchor component={Link} to="/penalties" size="sm" data-testid="back-to-penalties">
      ← {t('penalties.back')}
    </Anchor>
  );
  if (penalty.isPending) return <PageLoader />;
  if (penalty.isError)
    return (
      <Stack>
        {back}
        <ErrorState error={penalty.error} onRetry={() => void penalty.refetch()} />
      </Stack>
    );
  return <Detail p={penalty.data} back={back} />;
}

function Detail({ p, back }: { p: PenaltyDetail; back: ReactNode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const owner = useSession().user.role === 'owner';
  const mayDecide = useMayDecide();
  const [action, setAction] = useState<Action | null>(null);
  const act = useMutation({
    mutationFn: async ({ a, text }: { a: Action; text: string }) => {
      if (a === 'apply' || a === 'waive') {
        const res = await penaltiesApi.decide({ ids: [p.id], decision: a, reason: text });
        const failed = res.items.find((i) => !i.ok);
        // The bulk answer's refusal of this one, shown like any coded error.
        if (failed) throw new ApiError(409, failed.error_code ?? 'http_error', '');
        return;
      }
      if (a === 'reverse') await penaltiesApi.reverse(p.id, text);
      else await penaltiesApi.resolve(p.id, { outcome: a, comment: text });
    },
    onSuccess: (_, { a }) => {
      notifications.show({ color: 'green', message: t(`penalties.actions.${a}Done`) });
      setAction(null);
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: PENALTIES_KEY }),
  });
  const buttons: { a: Action; show: boolean; color?: string }[] = [
    { a: 'apply', show: p.state === 'proposed' && mayDecide },
    { a: 'waive', show: p.state === 'proposed' && mayDecide, color: 'gray' },
    { a: 'upheld', show: p.state === 'contested' && owner },
    { a: 'cancelled', show: p.state === 'contested' && owner, color: 'gray' },
    { a: 'reverse', show: (p.state === 'applied' || p.state === 'upheld') && owner, color: 'teal' },
  ];
  const shown = buttons.filter((b) => b.show);
  return (
    <Stack data-testid="penalty-detail" data-state={p.state}>
      {back}
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span>{penaltyTypeName(p, t)}</span>
            <PenaltyStateBadge state={p.state} />
          </Group>
        }
        subtitle={`${p.packer_name} · ${fmt.dateTime(p.created_at)}`}
        actions={shown.map((b) => (
          <Button
            key={b.a}
            color={b.color}
            variant={b.color === 'gray' ? 'default' : 'filled'}
            onClick={() => setAction(b.a)}
            data-testid={`penalty-${b.a}`}
          >
            {t(`penalties.actions.${b.a}`)}
          </Button>
        ))}
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Fact label={t('penalties.fields.amount')}>
            <span data-testid="penalty-amount">
              {fmt.money(fromMinor(p.amount_minor), p.currency)}
            </span>
          </Fact>
          <Fact label={t('penalties.fields.order')}>
            {p.order_id && p.order_number ? (
              <Anchor component={Link} to={`/orders/${p.order_id}`}>
                #{p.order_number}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('penalties.fields.source')}>
            {p.rule
              ? t(`penalties.rules.${p.rule}.short`)
              : (p.created_by_name ?? t('penalties.byHand'))}
          </Fact>
          {p.event && (
            <Fact label={t('penalties.fields.event')}>
              {t(`penalties.events.${p.event.kind}`, { defaultValue: p.event.kind })} #{p.event.id}
            </Fact>
          )}
          {p.note && <Fact label={t('penalties.add.note')}>{p.note}</Fact>}
        </SimpleGrid>
        {p.has_photo && (
          <Image
            src={penaltiesApi.photoUrl(p.id)}
            alt={t('penalties.add.photo')}
            mt="md"
            maw={360}
            radius="sm"
            data-testid="penalty-photo"
          />
        )}
      </Paper>
      <Paper withBorder p="md" component="section">
        <Title order={4} mb="sm">
          {t('penalties.history')}
        </Title>
        {/* A list, not a table: on a phone the reasons were cut off behind a sideways scroll. */}
        <Stack gap={0}>
          {p.entries.map((e, i) => (
            <Stack
              key={i}
              gap={4}
              py="xs"
              style={{ borderTop: i ? '1px solid var(--mantine-color-gray-3)' : undefined }}
              data-testid="penalty-entry"
              data-state={e.state}
            >
              <Group gap="sm" wrap="wrap">
                <PenaltyStateBadge state={e.state} />
                <Text size="sm" fw={600}>
                  {/* The rules write 'system' as their name: shown as "the rules", translated. */}
                  {e.actor_role === 'system' || !e.actor_name
                    ? t(`penalties.actorRoles.${e.actor_role}`)
                    : e.actor_name}
                </Text>
                <Text size="sm" c="dimmed">
                  {fmt.dateTime(e.at)}
                </Text>
              </Group>
              {e.reason && <Text size="sm">{reasonText(e.reason, t)}</Text>}
              {e.comment && (
                <Text size="sm" data-testid="penalty-entry-comment">
                  {e.comment}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Paper>
      <ReasonModal
        opened={action !== null}
        title={action ? t(`penalties.actions.${action}Title`) : ''}
        label={
          action === 'upheld' || action === 'cancelled'
            ? t('penalties.actions.comment')
            : t('penalties.decide.reason')
        }
        submit={action ? t(`penalties.actions.${action}`) : ''}
        loading={act.isPending}
        onClose={() => setAction(null)}
        onSubmit={(text) => action && act.mutate({ a: action, text })}
        testId="penalty-action-modal"
      />
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
