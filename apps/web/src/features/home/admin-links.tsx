import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { adminPagesFor } from '../admin/admin-nav';

/** Links to the administration pages this user may open; nothing without the abilities. */
export function AdminLinks({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  const pages = adminPagesFor(abilities);
  if (pages.length === 0) return null;
  return (
    <section className="kern-card zm-card zm-home-admin" aria-labelledby="admin-links-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="admin-links-title">
            {t('admin.home.title')}
          </h2>
        </div>
        <div className="kern-card__body">
          <ul className="zm-link-list" data-testid="admin-links">
            {pages.map((page) => (
              <li key={page.key}>
                <AppLink className="kern-link" href={page.path}>
                  {t(`admin.nav.${page.key}`)}
                </AppLink>
                <span className="kern-body kern-body--small kern-body--muted">
                  {t(`admin.home.${page.key}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
