import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { LinkCard } from './link-card';

/**
 * The data protection officer's way to the audit log (`audit.read`); nothing without the
 * ability. The page itself is its own download (features/audit).
 */
export function AuditLink({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  if (!abilities.includes('audit.read')) return null;
  return (
    <LinkCard
      id="audit-link"
      title={t('home.audit.title')}
      testId="audit-links"
      links={[
        { key: 'audit', href: '/audit', label: t('home.audit.link'), text: t('home.audit.text') },
        {
          key: 'findings',
          href: '/audit/findings',
          label: t('home.audit.findingsLink'),
          text: t('home.audit.findingsText'),
        },
      ]}
    />
  );
}
