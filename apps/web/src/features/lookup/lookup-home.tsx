import type { CurrentUser } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import './lookup.css';

/** The start page's way to the look-up and the visit list; nothing without the ability. */
export function LookupHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  if (!user.abilities.includes('register.lookup')) return null;
  return (
    <section
      className="zm-lookup-home"
      aria-label={t('lookup.home.label')}
      data-testid="lookup-links"
    >
      <AppLink href="/lookup" className="kern-btn kern-btn--primary zm-lookup-home__button">
        <span className="kern-icon kern-icon--search" aria-hidden="true" />
        <span className="kern-label">{t('lookup.home.lookup')}</span>
      </AppLink>
      <AppLink href="/visits" className="kern-btn kern-btn--secondary zm-lookup-home__button">
        <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
        <span className="kern-label">{t('lookup.home.visits')}</span>
      </AppLink>
    </section>
  );
}
