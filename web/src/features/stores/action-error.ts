import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

/** A failed store action in the user's language, from the server's stable error code. */
export function actionError(t: TFunction, e: unknown): string {
  const fallback = t('stores.actionFailed');
  return e instanceof ApiError ? t(`errors.${e.code}`, { defaultValue: fallback }) : fallback;
}
