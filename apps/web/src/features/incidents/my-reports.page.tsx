import type { CurrentUser, IncidentSummary } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Loading } from '../../ui/loading';
import { formatDateTime } from '../../ui/format';
import { useResource } from '../../ui/use-resource';
import type { OutboxEntry } from './outbox';
import { OutboxNotice } from './outbox-notice';
import { completionFirst, isIncomplete, toComplete } from './one-tap.model';
import { IncompleteBadge, LevelBadge, StatusBadge, placeLine } from './report-badges';
import { useReportsApi } from './incidents.api';
import { useOutbox } from './use-outbox';
import './reports.css';

/**
 * "Meine Meldungen": the reports on this device not yet sent, then the server's list with the
 * incomplete ones (one tap, to be completed) on top.
 */
export function MyReportsPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const heading = usePage(t('reports.mine.title'));
  const reports = useReportsApi();
  const { entries, arrivals } = useOutbox(user.id);
  // Read again when a report from this phone arrived (also one sent in the background).
  const [list] = useResource(() => reports.mine(), `mine:${arrivals[0]?.arrivedAt ?? ''}`);

  return (
    <div className="zm-wide zm-reports kern-stack-lg">
      <div className="zm-reports__head">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('reports.mine.title')}
        </h1>
        <AppLink href="/reports/new" className="kern-btn kern-btn--primary zm-touch">
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('reports.home.report')}</span>
        </AppLink>
      </div>
      <OutboxNotice ownerId={user.id} showLink={false} />
      {entries && entries.length > 0 ? (
        <section className="kern-stack-sm" aria-labelledby="outbox-title">
          <h2 className="kern-heading-medium" id="outbox-title">
            {t('reports.mine.onDevice')}
          </h2>
          <ul className="zm-report-list" data-testid="outbox-list">
            {entries.map((entry) => (
              <OutboxItem key={entry.id} entry={entry} />
            ))}
          </ul>
        </section>
      ) : null}
      <section className="kern-stack-sm" aria-labelledby="sent-title">
        <h2 className="kern-heading-medium" id="sent-title">
          {t('reports.mine.sent')}
        </h2>
        {list.status === 'error' ? (
          <Alert variant="danger" title={problemMessage(list.error, translator)} role="alert" />
        ) : null}
        {list.status === 'loading' && !list.data ? <Loading /> : null}
        {list.data && list.data.length === 0 ? (
          <p className="kern-body zm-empty">{t('reports.mine.empty')}</p>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="zm-report-list" data-testid="report-list">
            {completionFirst(list.data).map((report) => (
              <ReportItem key={report.id} report={report} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function Categories({ categories }: { categories: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="zm-report-item__categories">
      {categories.map((c) => t(`reports.category.${c}`)).join(', ')}
    </span>
  );
}

function ReportItem({ report }: { report: IncidentSummary }) {
  const { t, i18n } = useTranslation();
  const open = toComplete(report);
  return (
    <li
      className={`zm-report-item${open ? ' zm-report-item--incomplete' : ''}`}
      data-reference={report.reference}
    >
      <div className="zm-report-item__top">
        <AppLink href={`/reports/${report.id}`} className="kern-link zm-report-item__link">
          {t('reports.mine.itemTitle', {
            reference: report.reference,
            date: formatDateTime(report.occurredAt, i18n.language),
          })}
        </AppLink>
        <StatusBadge status={report.status} />
      </div>
      <div className="zm-report-item__meta">
        {report.incomplete ? <IncompleteBadge /> : null}
        <LevelBadge level={report.level} />
        <Categories categories={report.categories} />
      </div>
      {report.place ? <p className="kern-body kern-body--small">{report.place}</p> : null}
      {open ? (
        <div className="kern-stack-xs">
          <p className="kern-body kern-body--small">{t('reports.mine.incompleteHint')}</p>
          <AppLink
            href={`/reports/${report.id}`}
            className="kern-btn kern-btn--primary zm-touch zm-report-item__complete"
            aria-label={t('reports.mine.completeLabel', { reference: report.reference })}
          >
            <span className="kern-icon kern-icon--edit" aria-hidden="true" />
            <span className="kern-label">{t('reports.mine.complete')}</span>
          </AppLink>
        </div>
      ) : null}
      {report.openQuestion ? (
        <p className="kern-body zm-report-item__question">
          <span className="kern-icon kern-icon--warning" aria-hidden="true" />
          {t('reports.mine.openQuestion')}
        </p>
      ) : null}
      {report.quick && !report.incomplete ? (
        <p className="kern-body kern-body--small kern-body--muted">{t('reports.mine.quick')}</p>
      ) : null}
    </li>
  );
}

function OutboxItem({ entry }: { entry: OutboxEntry }) {
  const { t, i18n } = useTranslation();
  const { report } = entry;
  const invalid = entry.state === 'invalid';
  const incomplete = isIncomplete(report);
  return (
    <li className="zm-report-item zm-report-item--device" data-outbox-entry={entry.id}>
      <div className="zm-report-item__top">
        <AppLink href={`/reports/outbox/${entry.id}`} className="kern-link zm-report-item__link">
          {t(incomplete ? 'reports.mine.oneTapItemTitle' : 'reports.mine.deviceItemTitle', {
            date: formatDateTime(report.occurredAt, i18n.language),
          })}
        </AppLink>
        <Badge
          variant={invalid ? 'danger' : 'warning'}
          label={invalid ? t('reports.status.refused') : t('reports.status.unsent')}
        />
      </div>
      <div className="zm-report-item__meta">
        {incomplete ? <IncompleteBadge /> : null}
        <LevelBadge level={report.level ?? null} />
        <Categories categories={report.categories ?? []} />
      </div>
      <p className="kern-body kern-body--small">
        {placeLine(
          {
            address: report.place.address ?? null,
            description: report.place.description ?? null,
            position: report.place.position ?? null,
          },
          t('reports.detail.positionOnly'),
        )}
      </p>
    </li>
  );
}
