import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { adminPagesFor } from '../admin/admin-nav';
import { LinkCard } from './link-card';

/** Links to the administration pages this user may open; nothing without the abilities. */
export function AdminLinks({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  const pages = adminPagesFor(abilities);
  if (pages.length === 0) return null;
  return (
    <LinkCard
      id="admin-links"
      title={t('admin.home.title')}
      testId="admin-links"
      links={pages.map((page) => ({
        key: page.key,
        href: page.path,
        label: t(`admin.nav.${page.key}`),
        text: t(`admin.home.${page.key}`),
      }))}
    />
  );
}
