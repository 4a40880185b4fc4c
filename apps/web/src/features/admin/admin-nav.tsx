import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';

/** The administration pages and the ability each needs (the server enforces the same). */
export const ADMIN_PAGES = [
  { path: '/admin/users', key: 'users', needs: ['user.manage'] },
  { path: '/admin/grants', key: 'grants', needs: ['user.manage'] },
  { path: '/admin/departments', key: 'departments', needs: ['department.manage'] },
  { path: '/admin/import', key: 'import', needs: ['user.manage', 'department.manage'] },
] as const satisfies readonly { path: string; key: string; needs: readonly Permission[] }[];

export type AdminPageKey = (typeof ADMIN_PAGES)[number]['key'];

/** The admin pages this user may open (any of the listed abilities suffices). */
export function adminPagesFor(abilities: readonly Permission[]) {
  return ADMIN_PAGES.filter((page) =>
    (page.needs as readonly Permission[]).some((need) => abilities.includes(need)),
  );
}

/** Tabs between the administration pages. */
export function AdminNav({
  abilities,
  current,
}: {
  abilities: readonly Permission[];
  current: AdminPageKey;
}) {
  const { t } = useTranslation();
  return (
    <nav className="zm-subnav" aria-label={t('admin.nav.label')}>
      <ul className="zm-subnav__list">
        {adminPagesFor(abilities).map((page) => (
          <li key={page.key}>
            <AppLink
              href={page.path}
              className="zm-subnav__link"
              aria-current={page.key === current ? 'page' : undefined}
            >
              {t(`admin.nav.${page.key}`)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
