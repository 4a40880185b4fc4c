import type { CurrentUser } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { ReviewNav, type ReviewPageKey } from './review-nav';
import './review.css';

/** The registrars' desk layout: tabs, an optional way back, the heading and the page body. */
export function ReviewLayout({
  user,
  current,
  title,
  back,
  meta,
  children,
}: {
  user: CurrentUser;
  current: ReviewPageKey | null;
  title: string;
  back?: { href: string; label: string };
  /** A line under the heading (status, reference). */
  meta?: ReactNode;
  children: ReactNode;
}) {
  const heading = usePage(title);
  return (
    <div className="zm-review kern-stack-lg">
      <ReviewNav abilities={user.abilities} current={current} />
      {back ? (
        <p className="kern-body">
          <AppLink className="kern-link" href={back.href}>
            <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
            {back.label}
          </AppLink>
        </p>
      ) : null}
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {meta ? <div className="kern-body zm-review__meta">{meta}</div> : null}
      </div>
      {children}
    </div>
  );
}
