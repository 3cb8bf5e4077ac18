/**
 * UI strings (never document text: the documents are Vietnamese whatever the UI language).
 * Vietnamese by default; the choice is remembered on this computer and switches without a reload.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './locales/vi.json';
import en from './locales/en.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'soan.language';

function savedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'vi' || saved === 'en') return saved;
  } catch {
    // Storage may be unavailable (private mode, file://): the default will do.
  }
  return 'vi';
}

export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; still switched.
  }
}

function reflectLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.title = i18n.t('app.name');
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
i18n.on('languageChanged', reflectLanguage);
reflectLanguage(i18n.language);

export default i18n;
