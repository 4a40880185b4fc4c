import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';

/**
 * What comes after the first administrator: sign in with a second factor, a second
 * administrator (four-eyes: roles that need one only take effect once another confirms them),
 * then the departments authorised for look-ups. The links lead there after signing in.
 */
export function SetupNextSteps() {
  const { t } = useTranslation();
  return (
    <section className="zm-panel kern-stack-sm" aria-labelledby="setup-next-title">
      <h2 className="kern-heading-small" id="setup-next-title">
        {t('setup.next.title')}
      </h2>
      <ol className="kern-stack-sm zm-steps" data-testid="setup-next">
        <li className="kern-body">{t('setup.next.signIn')}</li>
        <li className="kern-body">
          {t('setup.next.secondAdmin')}{' '}
          <AppLink className="kern-link" href="/admin/users">
            {t('setup.next.secondAdminLink')}
          </AppLink>
        </li>
        <li className="kern-body">
          {t('setup.next.departments')}{' '}
          <AppLink className="kern-link" href="/admin/departments">
            {t('setup.next.departmentsLink')}
          </AppLink>
        </li>
      </ol>
    </section>
  );
}
