import type { CurrentUser, ListingSummary } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { formatDate } from '../admin/format';
import { useResource } from '../admin/use-resource';
import { useReviewApi } from './review.api';
import { personName } from './review.model';
import './review.css';

/**
 * The registrars' part of the start page: the review queue and the listings, with what waits
 * (`waiting` from the notices). Nothing for users without the abilities.
 */
export function ReviewHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const review = useReviewApi();
  const canReview = user.abilities.includes('incident.review');
  const canList = user.abilities.includes('listing.manage');
  const show = canReview || canList;
  const [notices] = useResource(
    () => (show ? review.notifications() : Promise.resolve(null)),
    'notifications',
  );
  const [due] = useResource(() => (canList ? review.due() : Promise.resolve(null)), 'listings-due');
  if (!show) return null;
  const waiting = notices.data?.waiting ?? null;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  return (
    <section className="kern-card zm-card zm-home-review" aria-labelledby="review-links-title">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id="review-links-title">
            {t('review.home.title')}
          </h2>
        </div>
        <div className="kern-card__body">
          <ul className="zm-link-list" data-testid="review-links">
            {canReview ? (
              <li>
                <AppLink className="kern-link" href="/review">
                  {t('review.home.reviews')}
                  {count(waiting?.reviews)}
                </AppLink>
                <span className="kern-body kern-body--small kern-body--muted">
                  {t('review.home.reviewsHint')}
                </span>
              </li>
            ) : null}
            {canList ? (
              <li>
                <AppLink className="kern-link" href="/listings?show=proposed">
                  {t('review.home.activations')}
                  {count(waiting?.activations)}
                </AppLink>
                <span className="kern-body kern-body--small kern-body--muted">
                  {t('review.home.activationsHint')}
                </span>
              </li>
            ) : null}
            {canList ? (
              <li>
                <AppLink className="kern-link" href="/listings?show=active">
                  {t('review.home.listings')}
                </AppLink>
                <span className="kern-body kern-body--small kern-body--muted">
                  {t('review.home.listingsHint')}
                </span>
              </li>
            ) : null}
          </ul>
          {canList && due.data ? <DueLists due={due.data} /> : null}
        </div>
      </div>
    </section>
  );
}

/** The review queue: listings ending soon, held-back letters whose review date has come. */
function DueLists({
  due,
}: {
  due: { withinDays: number; listings: ListingSummary[]; heldBackLetters: ListingSummary[] };
}) {
  const { t, i18n } = useTranslation();
  const line = (listing: ListingSummary, key: string, date: string | null) => (
    <li key={listing.id}>
      <AppLink className="kern-link" href={`/listings/${listing.id}`}>
        {t(key, { name: personName(listing.person), date: formatDate(date ?? '', i18n.language) })}
      </AppLink>
    </li>
  );
  return (
    <>
      <h3 className="kern-heading-small" id="due-title">
        {t('review.home.dueTitle')} ({due.listings.length})
      </h3>
      <p className="kern-body kern-body--small kern-body--muted">
        {t('review.home.dueHint', { days: due.withinDays })}
      </p>
      {due.listings.length === 0 ? (
        <p className="kern-body">{t('review.home.dueEmpty')}</p>
      ) : (
        <ul className="zm-link-list" aria-labelledby="due-title" data-testid="due-listings">
          {due.listings.map((l) => line(l, 'review.home.dueLine', l.validUntil))}
        </ul>
      )}
      <h3 className="kern-heading-small" id="held-title">
        {t('review.home.heldTitle')} ({due.heldBackLetters.length})
      </h3>
      {due.heldBackLetters.length === 0 ? (
        <p className="kern-body">{t('review.home.heldEmpty')}</p>
      ) : (
        <ul className="zm-link-list" aria-labelledby="held-title" data-testid="held-back-letters">
          {due.heldBackLetters.map((l) => line(l, 'review.home.heldLine', l.notification.reviewOn))}
        </ul>
      )}
    </>
  );
}
