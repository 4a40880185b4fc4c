import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { availableAbilities } from './available-abilities';

/** `incident.report` → `abilities.incident.report`. */
export function abilityKey(permission: Permission): string {
  return `abilities.${permission}`;
}

/**
 * What the user may do, as the server computed it (`user.abilities`; the client never derives
 * permissions from roles), limited to the functions the app has today.
 */
export function AbilityList({ abilities: granted }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  const abilities = availableAbilities(granted);
  return (
    <section className="kern-card zm-card" aria-labelledby="abilities-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="abilities-title">
            {t('home.abilitiesTitle')}
          </h2>
        </div>
        <div className="kern-card__body kern-stack-sm">
          {granted.length === 0 ? (
            <p className="kern-body">{t('home.noAbilities')}</p>
          ) : abilities.length === 0 ? (
            <p className="kern-body">{t('home.noFunctionsYet')}</p>
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
            </>
          )}
        </div>
      </div>
    </section>
  );
}
