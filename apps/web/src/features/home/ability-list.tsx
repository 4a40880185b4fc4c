import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';

/** `incident.report` → `abilities.incident.report`. */
export function abilityKey(permission: Permission): string {
  return `abilities.${permission}`;
}

/**
 * What the user may do, exactly as the server computed it (`user.abilities`); the client never
 * derives permissions from roles. A plain list: the functions themselves are not built yet.
 */
export function AbilityList({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  return (
    <section className="kern-card zm-card" aria-labelledby="abilities-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="abilities-title">
            {t('home.abilitiesTitle')}
          </h2>
        </div>
        <div className="kern-card__body kern-stack-sm">
          {abilities.length === 0 ? (
            <p className="kern-body">{t('home.noAbilities')}</p>
          ) : (
            <>
              <p className="kern-body">{t('home.abilitiesIntro')}</p>
              <ul className="kern-list kern-list--bullet" data-testid="abilities">
                {abilities.map((ability) => (
                  <li key={ability} className="kern-body" data-ability={ability}>
                    {t(abilityKey(ability))}
                  </li>
                ))}
              </ul>
              <p className="kern-body kern-body--small kern-body--muted">{t('home.comingSoon')}</p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
