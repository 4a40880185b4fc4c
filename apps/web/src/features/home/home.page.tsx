import type { CurrentUser } from '@zemag/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { AbilityList } from './ability-list';
import { LookupHome } from '../lookup/lookup-home';
import { ReportsHome } from '../incidents/reports-home';
import { AdminLinks } from './admin-links';
import { AuditLink } from './audit-link';
import { StatisticsLink } from './statistics-link';
import { hasRegistrarPanels, RegistrarPanels } from './home-panels';
import { RoleList } from './role-list';

/** The start page after sign-in: who you are and what you may do. */
export function HomePage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const heading = usePage(t('home.greeting', { name: user.displayName }));
  return (
    <div className="zm-wide kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('home.greeting', { name: user.displayName })}
        </h1>
        <p className="kern-body kern-body--muted">
          {t('home.signedInAs', { username: user.username })}
        </p>
      </div>
      <ReportsHome user={user} />
      <LookupHome user={user} />
      {hasRegistrarPanels(user) ? (
        <Suspense fallback={null}>
          <RegistrarPanels user={user} />
        </Suspense>
      ) : null}
      <AuditLink abilities={user.abilities} />
      <StatisticsLink abilities={user.abilities} />
      <AdminLinks abilities={user.abilities} />
      <p className="kern-body">
        <AppLink href="/security" className="kern-link">
          {t('mfa.security.homeLink')}
        </AppLink>
      </p>
      <div className="zm-home-grid">
        <RoleList roles={user.roles} />
        <AbilityList abilities={user.abilities} />
      </div>
    </div>
  );
}
