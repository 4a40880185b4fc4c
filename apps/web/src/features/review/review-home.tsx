import type { CurrentUser, ListingsDue, ListingSummary } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { formatDate } from '../../ui/format';
import { useResource } from '../../ui/use-resource';
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

/** One list of the review queue: a heading with the count, a hint, the lines or "none". */
function DueSection({
  id,
  keys,
  hint,
  listings,
  date,
}: {
  id: string;
  keys: { title: string; empty: string; line: string };
  hint?: string;
  listings: ListingSummary[];
  date(listing: ListingSummary): string | null;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h3 className="kern-heading-small" id={`${id}-title`}>
        {t(keys.title)} ({listings.length})
      </h3>
      {hint ? <p className="kern-body kern-body--small kern-body--muted">{hint}</p> : null}
      {listings.length === 0 ? (
        <p className="kern-body">{t(keys.empty)}</p>
      ) : (
        <ul className="zm-link-list" aria-labelledby={`${id}-title`} data-testid={id}>
          {listings.map((listing) => (
            <li key={listing.id}>
              <AppLink className="kern-link" href={`/listings/${listing.id}`}>
                {t(keys.line, {
                  name: personName(listing.person),
                  date: formatDate(date(listing) ?? '', i18n.language),
                })}
              </AppLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The review queue: listings ending soon, held-back letters whose review date has come,
 * restrictions whose decide-by date has passed.
 */
function DueLists({ due }: { due: ListingsDue }) {
  const { t } = useTranslation();
  return (
    <>
      <DueSection
        id="due-listings"
        keys={{
          title: 'review.home.dueTitle',
          empty: 'review.home.dueEmpty',
          line: 'review.home.dueLine',
        }}
        hint={t('review.home.dueHint', { days: due.withinDays })}
        listings={due.listings}
        date={(l) => l.validUntil}
      />
      <DueSection
        id="held-back-letters"
        keys={{
          title: 'review.home.heldTitle',
          empty: 'review.home.heldEmpty',
          line: 'review.home.heldLine',
        }}
        listings={due.heldBackLetters}
        date={(l) => l.notification.reviewOn}
      />
      <DueSection
        id="overdue-restrictions"
        keys={{
          title: 'review.home.restrictedTitle',
          empty: 'review.home.restrictedEmpty',
          line: 'review.home.restrictedLine',
        }}
        hint={t('review.home.restrictedHint')}
        listings={due.restrictionsOverdue}
        date={(l) => l.restrictedUntil}
      />
    </>
  );
}
