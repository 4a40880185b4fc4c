import { useTranslation } from 'react-i18next';

/** A calm, announced placeholder while the app asks the server. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="kern-body zm-loading" role="status">
      {t('app.loading')}
    </p>
  );
}
