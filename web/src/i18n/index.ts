import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/ro';
import 'dayjs/locale/en-gb';
import en from './en.json';
import ro from './ro.json';

export const LANGUAGES = ['ro', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ecomdir.language';

function storedLanguage(): UiLanguage {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'ro') return v;
  } catch {
    // Storage can be disabled (private mode); Romanian is the default then.
  }
  return 'ro';
}

/** Whether the user picked a language on this device (it then wins over the account's). */
export function hasStoredLanguage(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export function setLanguage(lang: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en-gb' : 'ro');
});

void i18n.use(initReactI18next).init({
  resources: { ro: { translation: ro }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'ro',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
