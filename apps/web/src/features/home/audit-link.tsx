import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { type CardLink, LinkCard } from './link-card';

/**
 * The data protection card: the audit log (`audit.read`, the DPO) and the record of processing
 * activities (`records.read`, the DPO and the administrators); nothing without either ability.
 * The pages themselves are their own downloads (features/audit, features/records).
 */
export function AuditLink({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  const links: CardLink[] = [];
  if (abilities.includes('audit.read')) {
    links.push({
      key: 'audit',
      href: '/audit',
      label: t('home.audit.link'),
      text: t('home.audit.text'),
    });
    links.push({
      key: 'findings',
      href: '/audit/findings',
      label: t('home.audit.findingsLink'),
      text: t('home.audit.findingsText'),
    });
  }
  if (abilities.includes('records.read')) {
    links.push({
      key: 'records',
      href: '/records',
      label: t('home.audit.recordsLink'),
      text: t('home.audit.recordsText'),
    });
  }
  if (links.length === 0) return null;
  return (
    <LinkCard id="audit-link" title={t('home.audit.title')} testId="audit-links" links={links} />
  );
}
