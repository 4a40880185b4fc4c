import type { IncidentSummary } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { ColumnHeads } from '../../ui/column-heads';
import { formatDateTime } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import type { Resource } from '../../ui/use-resource';
import { IncidentStatusBadge, LevelBadge, useCategoryNames } from '../review/review-badges';

/** The reports linked to a person, as a table that stacks on phones. */
export function PersonReports({
  resource,
  reload,
}: {
  resource: Resource<IncidentSummary[]>;
  reload(): void;
}) {
  const { t, i18n } = useTranslation();
  const categoryNames = useCategoryNames();
  const reports = resource.data;
  return (
    <section className="zm-panel kern-stack-md" aria-labelledby="person-reports-title">
      <h2 className="kern-heading-medium" id="person-reports-title">
        {t('review.personPage.reportsTitle')}
      </h2>
      <ResourceState resource={resource} reload={reload} />
      {reports && reports.length === 0 ? (
        <p className="kern-body zm-empty">{t('review.personPage.noReports')}</p>
      ) : null}
      {reports && reports.length > 0 ? (
        <table className="kern-table kern-table--small zm-table zm-table--stack">
          <caption className="kern-sr-only">{t('review.personPage.reportsTitle')}</caption>
          <ColumnHeads
            columns={[
              t('review.fields.reference'),
              t('review.fields.occurredAt'),
              t('review.fields.level'),
              t('review.fields.categories'),
              t('review.fields.status'),
            ]}
          />
          <tbody className="kern-table__body">
            {reports.map((report) => (
              <tr key={report.id} className="kern-table__row">
                <th scope="row" className="kern-table__header zm-cell-title">
                  <AppLink className="kern-link" href={`/review/${report.id}`}>
                    {report.reference}
                  </AppLink>
                </th>
                <td className="kern-table__cell" data-label={t('review.fields.occurredAt')}>
                  <span>{formatDateTime(report.occurredAt, i18n.language)}</span>
                </td>
                <td className="kern-table__cell" data-label={t('review.fields.level')}>
                  <span>
                    <LevelBadge level={report.level} />
                  </span>
                </td>
                <td className="kern-table__cell" data-label={t('review.fields.categories')}>
                  <span>{categoryNames(report.categories)}</span>
                </td>
                <td className="kern-table__cell" data-label={t('review.fields.status')}>
                  <span>
                    <IncidentStatusBadge status={report.status} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
