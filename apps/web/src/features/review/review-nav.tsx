import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';

/** The registrars' pages and the ability each needs (the server enforces the same). */
export const REVIEW_PAGES = [
  { path: '/review', key: 'queue', needs: 'incident.review' },
  { path: '/listings', key: 'listings', needs: 'listing.manage' },
] as const satisfies readonly { path: string; key: string; needs: Permission }[];

export type ReviewPageKey = (typeof REVIEW_PAGES)[number]['key'];

/** Tabs between the review queue and the listings. */
export function ReviewNav({
  abilities,
  current,
}: {
  abilities: readonly Permission[];
  current: ReviewPageKey | null;
}) {
  const { t } = useTranslation();
  const pages = REVIEW_PAGES.filter((page) => abilities.includes(page.needs));
  return (
    <nav className="zm-subnav" aria-label={t('review.nav.label')}>
      <ul className="zm-subnav__list">
        {pages.map((page) => (
          <li key={page.key}>
            <AppLink
              href={page.path}
              className="zm-subnav__link"
              aria-current={page.key === current ? 'page' : undefined}
            >
              {t(`review.nav.${page.key}`)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
