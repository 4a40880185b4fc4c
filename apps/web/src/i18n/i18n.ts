import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';
import { type Language, loadLanguage, saveLanguage } from './language';

export const resources = { de: { translation: de }, en: { translation: en } } as const;

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
