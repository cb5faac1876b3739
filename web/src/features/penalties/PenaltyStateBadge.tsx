import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PenaltyState } from './penalties-api';
import { STATE_COLORS } from './penalty-format';

export function PenaltyStateBadge({ state }: { state: PenaltyState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid="penalty-state">
      {t(`penalties.states.${state}`)}
    </Badge>
  );
}
