import type { CurrentUser } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { useResource } from '../admin/use-resource';
import { useReviewApi } from './review.api';
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
        </div>
      </div>
    </section>
  );
}
