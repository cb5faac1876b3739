import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * An error in the reader's language: `errors.<code>` when the catalog has the code, else the
 * server's message. (The generic by-code rendering replaces this once it lands.)
 */
export function useCodedError(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError && i18n.exists(`errors.${error.code}`))
      return t(`errors.${error.code}`);
    return error instanceof Error ? error.message : String(error);
  };
}
