import type { Role } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';

/** The user's roles as badges. */
export function RoleList({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <section className="kern-card zm-card" aria-labelledby="roles-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="roles-title">
            {t('home.rolesTitle')}
          </h2>
        </div>
        <div className="kern-card__body">
          {roles.length === 0 ? (
            <p className="kern-body">{t('home.noRoles')}</p>
          ) : (
            <ul className="zm-badges">
              {roles.map((role) => (
                <li key={role}>
                  <span className="kern-badge kern-badge--info">
                    <span className="kern-label">{t(`roles.${role}`)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
