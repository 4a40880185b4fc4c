import type { CurrentUser } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { Alert } from '../../ui/alert';
import { useResource } from '../../ui/use-resource';
import { OneTapReport } from './one-tap-report';
import { OutboxNotice } from './outbox-notice';
import { useReportsApi } from './incidents.api';
import './reports.css';

function OpenQuestions() {
  const { t } = useTranslation();
  const reports = useReportsApi();
  const [list] = useResource(() => reports.mine(), 'mine');
  const open = (list.data ?? []).filter((r) => r.openQuestion);
  if (open.length === 0) return null;
  return (
    <Alert variant="warning" title={t('reports.home.questionTitle')} role="status">
      <ul className="kern-list zm-question-links">
        {open.map((report) => (
          <li key={report.id}>
            <AppLink href={`/reports/${report.id}`} className="kern-link">
              {t('reports.home.questionLink', { reference: report.reference })}
            </AppLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * The reporter's part of the start page: one large button that stores a report in one tap
 * (completed later), the full report form, the reports waiting on this device, open questions
 * from the registrars, and the way to the own reports.
 */
export function ReportsHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const canReport = user.abilities.includes('incident.report');
  const canRead = user.abilities.includes('incident.read_own');
  if (!canReport && !canRead) return null;
  return (
    <section className="zm-report-home kern-stack-md" aria-label={t('reports.home.label')}>
      {canReport ? <OneTapReport ownerId={user.id} /> : null}
      {canReport ? (
        <AppLink
          href="/reports/new"
          className="kern-btn kern-btn--secondary zm-report-button zm-report-button--form"
        >
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('reports.home.report')}</span>
        </AppLink>
      ) : null}
      {canReport ? <OutboxNotice ownerId={user.id} /> : null}
      {canRead ? <OpenQuestions /> : null}
      {canRead ? (
        <p className="kern-body">
          <AppLink href="/reports" className="kern-link zm-touch-link">
            {t('reports.mine.title')}
          </AppLink>
        </p>
      ) : null}
    </section>
  );
}
