import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';

/** An error as one sentence in the reader's language (by its code; see error-text.ts). */
export function useCodedError(): (error: unknown) => string {
  const { i18n } = useTranslation();
  return (error) => errorText(error, i18n).headline;
}
