import { useTranslation } from 'react-i18next';
import { useDemoInfo } from './use-demo-info';
import './demo.css';

/** "Demo — no real data" above every page of a demo instance; nothing on a real one. */
export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useDemoInfo();
  if (!demo?.enabled) return null;
  return (
    <aside className="zm-demo-banner" aria-label={t('demo.bannerLabel')} data-testid="demo-banner">
      <div className="kern-container zm-container zm-demo-banner__bar">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <p className="zm-demo-banner__text">
          <strong>{t('demo.banner')}</strong>{' '}
          <span className="zm-demo-banner__detail">{t('demo.bannerDetail')}</span>
        </p>
      </div>
    </aside>
  );
}
