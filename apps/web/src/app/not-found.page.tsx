import { useTranslation } from 'react-i18next';
import { AppLink } from './app-link';
import { usePage } from './use-page';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const heading = usePage(t('notFound.title'));
  return (
    <div className="zm-narrow kern-stack-md">
      <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
        {t('notFound.title')}
      </h1>
      <p className="kern-body">{t('notFound.body')}</p>
      <p className="kern-body">
        <AppLink className="kern-link" href="/">
          {t('notFound.toStart')}
        </AppLink>
      </p>
    </div>
  );
}
