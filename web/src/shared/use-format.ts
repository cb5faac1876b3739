import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session';
import { formatDateTime, formatMoney } from './format';

/** Formatters bound to the account's currency and time zone and the UI language. */
export function useFormat() {
  const { account } = useSession();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const money = useCallback(
    (amount: string | number, currency?: string | null) =>
      formatMoney(amount, currency || account.currency, lang),
    [account.currency, lang],
  );
  const dateTime = useCallback(
    (iso: string) => formatDateTime(iso, account.timezone, lang),
    [account.timezone, lang],
  );
  return useMemo(
    () => ({ money, dateTime, timezone: account.timezone, currency: account.currency }),
    [money, dateTime, account.timezone, account.currency],
  );
}
