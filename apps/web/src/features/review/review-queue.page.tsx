import type { CurrentUser } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { ColumnHeads } from '../../ui/column-heads';
import { formatDateTime } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import { useResource } from '../../ui/use-resource';
import { IncidentStatusBadge, LevelBadge, useCategoryNames } from './review-badges';
import { ReviewLayout } from './review-layout';
import { useReviewApi } from './review.api';

/** Reports waiting for review, as the server orders them: level 3 first, then oldest. */
export function ReviewQueuePage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const review = useReviewApi();
  const categoryNames = useCategoryNames();
  const [queue, reload] = useResource(() => review.queue(), 'queue');
  const incidents = queue.data;

  return (
    <ReviewLayout user={user} current="queue" title={t('review.queue.title')}>
      <p className="kern-body">{t('review.queue.intro')}</p>
      <section className="zm-panel kern-stack-md" aria-labelledby="queue-title">
        <h2 className="kern-heading-medium" id="queue-title">
          {t('review.queue.listTitle')}
        </h2>
        <p className="kern-body" role="status">
          {incidents ? t('review.queue.count', { count: incidents.length }) : ''}
        </p>
        <ResourceState resource={queue} reload={reload} />
        {incidents && incidents.length > 0 ? (
          <table
            className="kern-table kern-table--small zm-table zm-table--stack"
            data-testid="review-queue"
          >
            <caption className="kern-sr-only">{t('review.queue.listTitle')}</caption>
            <ColumnHeads
              columns={[
                t('review.fields.reference'),
                t('review.fields.level'),
                t('review.fields.categories'),
                t('review.fields.submittedAt'),
                t('review.fields.reporter'),
                t('review.fields.place'),
                t('review.fields.status'),
              ]}
            />
            <tbody className="kern-table__body">
              {incidents.map((incident) => (
                <tr key={incident.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header zm-cell-title">
                    <AppLink className="kern-link" href={`/review/${incident.id}`}>
                      {incident.reference}
                    </AppLink>
                    {incident.incomplete ? (
                      <span className="zm-cell-note zm-cell-note--warning">
                        {t('review.queue.incomplete')}
                      </span>
                    ) : incident.quick ? (
                      <span className="zm-cell-note zm-cell-note--warning">
                        {t('review.queue.quick')}
                      </span>
                    ) : null}
                  </th>
                  <td className="kern-table__cell" data-label={t('review.fields.level')}>
                    <span>
                      <LevelBadge level={incident.level} />
                    </span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.fields.categories')}>
                    <span>{categoryNames(incident.categories)}</span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.fields.submittedAt')}>
                    <span>{formatDateTime(incident.submittedAt, i18n.language)}</span>
                    <span className="zm-cell-note">
                      {t('review.queue.occurred', {
                        when: formatDateTime(incident.occurredAt, i18n.language),
                      })}
                    </span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.fields.reporter')}>
                    <span>{incident.reporter}</span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.fields.place')}>
                    <span>{incident.place ?? '–'}</span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.fields.status')}>
                    <span>
                      <IncidentStatusBadge status={incident.status} />
                    </span>
                    {incident.openQuestion ? (
                      <span className="zm-cell-note">{t('review.queue.openQuestion')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {incidents && incidents.length === 0 ? (
          <p className="kern-body zm-empty">{t('review.queue.empty')}</p>
        ) : null}
      </section>
    </ReviewLayout>
  );
}
