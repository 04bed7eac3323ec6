// i18next set-up: English and French bundled, language from localStorage or the browser.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The localStorage key that remembers the user's choice. */
export const LANGUAGE_STORAGE_KEY = 'uccn.language';

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

/** Narrows i18next's language (which may be `fr-CA`) to one the app has. */
export function toLanguage(lng: string | undefined): Language {
  return lng?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Starts i18next; call once before the first render. */
export function initI18n(): typeof i18n {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = toLanguage(lng);
  });
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      interpolation: { escapeValue: false }, // React escapes already.
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
    });
  return i18n;
}
