import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import lookupDe from './lookup.de.json';
import lookupEn from './lookup.en.json';
import visitsDe from './visits.de.json';
import visitsEn from './visits.en.json';
import { type Language, loadLanguage, saveLanguage } from './language';

/**
 * The catalogues: the main one, and one file per larger feature (top-level key `lookup`,
 * `visits`) so that features can grow without touching the same file.
 */
export const catalogues = {
  de: { ...de, lookup: lookupDe, visits: visitsDe },
  en: { ...en, lookup: lookupEn, visits: visitsEn },
} as const;

export const resources = {
  de: { translation: catalogues.de },
  en: { translation: catalogues.en },
} as const;

/** Starts i18next in the remembered language (German by default) and keeps `<html lang>` in step. */
export function createI18n(language: Language = loadLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'de',
    supportedLngs: ['de', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    saveLanguage(lng);
  };
  apply(instance.language);
  instance.on('languageChanged', apply);
  return instance;
}
