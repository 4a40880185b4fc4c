import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';

/**
 * The data protection officer's way to the audit log (`audit.read`); nothing without the
 * ability. The page itself is its own download (features/audit).
 */
export function AuditLink({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  if (!abilities.includes('audit.read')) return null;
  return (
    <section className="kern-card zm-card zm-home-admin" aria-labelledby="audit-link-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="audit-link-title">
            {t('home.audit.title')}
          </h2>
        </div>
        <div className="kern-card__body">
          <ul className="zm-link-list" data-testid="audit-links">
            <li>
              <AppLink className="kern-link" href="/audit">
                {t('home.audit.link')}
              </AppLink>
              <span className="kern-body kern-body--small kern-body--muted">
                {t('home.audit.text')}
              </span>
            </li>
          </ul>
        </div>
      </div>
    </section>
  );
}
