import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNavigated } from './router';

/**
 * Sets the document title and, after an in-app navigation, moves focus to the page's heading
 * so screen readers announce the new page. Returns the ref for the `<h1 tabIndex={-1}>`.
 */
export function usePage(title: string) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('app.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);

  return heading;
}
