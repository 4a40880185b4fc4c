import type { CurrentUser } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { usePage } from '../../app/use-page';
import { AdminNav, type AdminPageKey } from './admin-nav';

/** Heading, admin tabs and the page body; the wide layout for desk work. */
export function AdminLayout({
  user,
  current,
  title,
  intro,
  children,
}: {
  user: CurrentUser;
  current: AdminPageKey;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const heading = usePage(title);
  return (
    <div className="zm-admin kern-stack-lg">
      <AdminNav abilities={user.abilities} current={current} />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {intro ? <div className="kern-body">{intro}</div> : null}
      </div>
      {children}
    </div>
  );
}
