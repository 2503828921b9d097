// i18next set up for the console: Japanese and English, the choice remembered in the browser and on the server.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ja } from './ja.js';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'yagura.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

/** The language to start in: the last one chosen in this browser, else the browser's own preference. */
export function initialLanguage(): Language {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

export function rememberLanguage(language: Language): void {
  safeStorage()?.setItem(STORAGE_KEY, language);
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}
