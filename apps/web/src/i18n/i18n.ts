import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { german } from './catalogue.de';
import { type Language, loadLanguage, saveLanguage } from './language';
import { addPartsTo } from './text-parts';

/**
 * German is in the first download; English comes as its own file when it is chosen (or was
 * remembered), so the German majority does not load it. i18next asks this backend only for
 * languages it has no bundled resources for.
 */
const englishOnDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, {});
    import('./catalogue.en').then(
      ({ english }) => callback(null, english),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

/** Starts i18next in the remembered language (German by default) and keeps `<html lang>` in step. */
export async function createI18n(language: Language = loadLanguage()): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(englishOnDemand)
    .use(initReactI18next)
    .init({
      resources: { de: { translation: german } },
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'de',
      supportedLngs: ['de', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    saveLanguage(lng);
  };
  apply(instance.language);
  addPartsTo(instance);
  instance.on('languageChanged', apply);
  return instance;
}
