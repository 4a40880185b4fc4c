import type { Incident } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { personName } from './review.model';

/**
 * After a report is confirmed: at level 2 or 3 it can ground a listing, proposed on the page of
 * a person linked to it; the links lead there (or say to link the person first).
 */
export function ProposeNext({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  if (incident.status !== 'confirmed' || incident.level === null || incident.level < 2) return null;
  const linked = incident.persons.filter((p) => p.personId !== null);
  return (
    <section
      className="zm-panel zm-next kern-stack-sm"
      aria-labelledby="propose-next-title"
      data-testid="propose-next"
    >
      <h2 className="kern-heading-small" id="propose-next-title">
        {t('review.next.title')}
      </h2>
      <p className="kern-body">{t('review.next.text', { level: incident.level })}</p>
      {linked.length > 0 ? (
        <ul className="zm-next__links">
          {linked.map((p) => (
            <li key={p.id}>
              <AppLink className="kern-link zm-touch-link" href={`/persons/${p.personId}`}>
                {t('review.next.propose', { name: personName(p) || t('review.next.person') })}
              </AppLink>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('review.next.linkFirst')}</p>
      )}
    </section>
  );
}
