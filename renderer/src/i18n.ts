/**
 * UI strings (never document text: the documents are Vietnamese whatever the UI language).
 * Vietnamese by default; the choice is remembered on this computer and switches without a reload.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGE_FILES, messageLang, type MessageLang } from '../../electron/core/model/messages';
import { api } from './api';

/**
 * Strings live in one file per feature and language (`locales/vi/decision.json` …), so features can grow
 * without touching each other's files; they are merged into one namespace here, with the messages the core
 * and the command line also say (errors, import reports, export notes: electron/core/model/messages), so
 * that the app and the command line use one catalogue.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] =
      existing && typeof existing === 'object' && value && typeof value === 'object'
        ? deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return into;
}

function bundle(lang: MessageLang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of Object.values(MESSAGE_FILES[lang])) deepMerge(out, file);
  for (const [path, mod] of Object.entries(files)) if (path.startsWith(`./locales/${lang}/`)) deepMerge(out, mod.default);
  return out;
}

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
  // The desktop shell words its menu in the same language; the browser host has none (a no-op there).
  void api.setUiLanguage(messageLang(lang)).catch(() => undefined);
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: bundle('vi') }, en: { translation: bundle('en') } },
  lng: savedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
i18n.on('languageChanged', reflectLanguage);
reflectLanguage(i18n.language);

