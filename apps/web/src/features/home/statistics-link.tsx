import type { Permission } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { LinkCard } from './link-card';

/**
 * The way to the statistics for registrars and the data protection officer
 * (`statistics.read`); nothing without the ability. The page is its own download.
 */
export function StatisticsLink({ abilities }: { abilities: readonly Permission[] }) {
  const { t } = useTranslation();
  if (!abilities.includes('statistics.read')) return null;
  return (
    <LinkCard
      id="statistics-link"
      title={t('home.statistics.title')}
      testId="statistics-links"
      links={[
        {
          key: 'statistics',
          href: '/statistics',
          label: t('home.statistics.link'),
          text: t('home.statistics.text'),
        },
      ]}
    />
  );
}
