import type { CurrentUser } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { useResource } from '../../ui/use-resource';
import { useSubjectRequestsApi } from './subject-requests.api';

/** Start-page panel for registrars: open data-subject requests, how many overdue or due soon. */
export function RequestsDuePanel({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const api = useSubjectRequestsApi();
  const allowed = user.abilities.includes('listing.manage');
  const [resource] = useResource(
    () => (allowed ? api.list('open') : Promise.resolve([])),
    'subject-requests-due',
  );
  if (!allowed) return null;
  const open = resource.data ?? [];
  const overdue = open.filter((r) => r.overdue).length;
  const soon = open.filter((r) => r.dueSoon).length;
  return (
    <section className="kern-card zm-card" aria-labelledby="requests-due-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="requests-due-title">
            {t('subjectRequests.panel.title')}
          </h2>
        </div>
        <div className="kern-card__body">
          <p className="kern-body" data-testid="requests-due">
            {t('subjectRequests.panel.summary', { open: open.length, overdue, soon })}
          </p>
          <AppLink className="kern-link" href="/subject-requests">
            {t('subjectRequests.panel.link')}
          </AppLink>
        </div>
      </div>
    </section>
  );
}
