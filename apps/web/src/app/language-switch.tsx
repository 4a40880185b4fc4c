import { useTranslation } from 'react-i18next';

/** Switches between German and English; the button names the other language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('language.switchToLang');
  return (
    <button
      type="button"
      className="kern-btn kern-btn--tertiary zm-header__button"
      lang={target}
      aria-label={t('language.switchLabel')}
      onClick={() => void i18n.changeLanguage(target)}
    >
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-label">{t('language.switchTo')}</span>
    </button>
  );
}
