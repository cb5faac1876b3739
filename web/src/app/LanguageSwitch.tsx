import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={i18n.language === 'en' ? 'en' : 'ro'}
      onChange={(v) => setLanguage(v)}
      data={[
        { value: 'ro', label: 'RO' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
