import type { CurrentUser, ListingStatus } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { ColumnHeads } from '../../ui/column-heads';
import { formatDate, formatDateTime, formatPartialDate } from '../../ui/format';
import { ResourceState } from '../../ui/resource-state';
import { useResource } from '../../ui/use-resource';
import { LevelBadge, ListingStatusBadge } from '../review/review-badges';
import { ReviewLayout } from '../review/review-layout';
import { useReviewApi } from '../review/review.api';
import { LISTING_FILTERS, type ListingFilter, filterFromSearch } from './listing-filter';
import { personName } from '../review/review.model';

/** Listings by state: waiting for activation (first), active, ended or expired. */
export function ListingsPage({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation();
  const review = useReviewApi();
  const [filter, setFilter] = useState<ListingFilter>(() =>
    filterFromSearch(window.location.search),
  );
  const statuses: readonly ListingStatus[] = LISTING_FILTERS[filter];
  const [resource, reload] = useResource(() => review.listings(statuses), filter);
  const listings = resource.data;

  function choose(next: ListingFilter) {
    setFilter(next);
    window.history.replaceState(window.history.state, '', `/listings?show=${next}`);
  }

  return (
    <ReviewLayout user={user} current="listings" title={t('review.listings.title')}>
      <p className="kern-body">{t('review.listings.intro')}</p>
      <nav aria-label={t('review.listings.filterLabel')}>
        <ul className="zm-subnav__list zm-filter-tabs">
          {(Object.keys(LISTING_FILTERS) as ListingFilter[]).map((key) => (
            <li key={key}>
              <a
                href={`/listings?show=${key}`}
                className="zm-subnav__link"
                aria-current={key === filter ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  choose(key);
                }}
              >
                {t(`review.listings.filter.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="zm-panel kern-stack-md" aria-labelledby="listings-title">
        <h2 className="kern-heading-medium" id="listings-title">
          {t(`review.listings.filter.${filter}`)}
        </h2>
        <p className="kern-body" role="status">
          {listings ? t('review.listings.count', { count: listings.length }) : ''}
        </p>
        <ResourceState resource={resource} reload={reload} />
        {listings && listings.length === 0 ? (
          <p className="kern-body zm-empty">{t(`review.listings.empty.${filter}`)}</p>
        ) : null}
        {listings && listings.length > 0 ? (
          <table
            className="kern-table kern-table--small zm-table zm-table--stack"
            aria-busy={resource.status === 'loading' || undefined}
            data-testid="listings"
          >
            <caption className="kern-sr-only">{t(`review.listings.filter.${filter}`)}</caption>
            <ColumnHeads
              columns={[
                t('review.listing.person'),
                t('review.fields.status'),
                t('review.fields.level'),
                t('review.listing.validUntil'),
                t('review.listing.proposed'),
                t('review.listing.notification'),
              ]}
            />
            <tbody className="kern-table__body">
              {listings.map((listing) => (
                <tr key={listing.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header zm-cell-title">
                    <AppLink className="kern-link" href={`/listings/${listing.id}`}>
                      {personName(listing.person)}
                    </AppLink>
                    {listing.person.dateOfBirth ? (
                      <span className="zm-cell-note">
                        {t('review.person.born', {
                          date: formatPartialDate(listing.person.dateOfBirth, i18n.language),
                        })}
                      </span>
                    ) : null}
                  </th>
                  <td className="kern-table__cell" data-label={t('review.fields.status')}>
                    <span>
                      <ListingStatusBadge status={listing.status} />
                    </span>
                    {listing.status === 'proposed' && listing.proposedBy.id === user.id ? (
                      <span className="zm-cell-note">{t('review.listings.yours')}</span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell" data-label={t('review.fields.level')}>
                    <span>
                      <LevelBadge level={listing.level} />
                    </span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.listing.validUntil')}>
                    <span>{formatDate(listing.validUntil, i18n.language)}</span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.listing.proposed')}>
                    <span>{listing.proposedBy.displayName}</span>
                    <span className="zm-cell-note">
                      {formatDateTime(listing.proposedAt, i18n.language)}
                    </span>
                  </td>
                  <td className="kern-table__cell" data-label={t('review.listing.notification')}>
                    <span>{t(`review.notification.state.${listing.notification.state}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </ReviewLayout>
  );
}
