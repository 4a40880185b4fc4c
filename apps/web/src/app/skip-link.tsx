import { useTranslation } from 'react-i18next';

/** The first focusable element: jumps past the header to the page content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="zm-skip-link kern-link" href="#main">
      {t('app.skipLink')}
    </a>
  );
}
