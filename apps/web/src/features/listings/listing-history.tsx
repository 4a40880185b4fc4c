import type { Listing } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../ui/format';
import { useCategoryNames } from '../review/review-badges';
import { type HistoryKey, historyChanges } from '../review/review.model';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Who did what, when and why: every change of the listing, oldest first. */
export function ListingHistory({ listing }: { listing: Listing }) {
  const { t, i18n } = useTranslation();
  const categoryNames = useCategoryNames();
  const language = i18n.language.startsWith('en') ? 'en' : 'de';
  const precautionText = (code: string) =>
    listing.precautions.find((p) => p.code === code)?.[language] ?? code;

  function show(key: HistoryKey, value: unknown): string {
    switch (key) {
      case 'status':
        return t(`review.listingStatus.${String(value)}`);
      case 'level':
        return t('review.level.short', { level: Number(value) });
      case 'categories':
        return categoryNames(strings(value));
      case 'precautions':
        return strings(value).map(precautionText).join(', ') || '–';
      case 'incidentIds':
        return t('review.history.grounds', { count: strings(value).length });
      case 'validUntil':
      case 'sentOn':
      case 'reviewOn':
      case 'until':
      case 'previousValidUntil':
        return formatDate(String(value), i18n.language);
      default:
        return String(value);
    }
  }

  return (
    <ol className="zm-history" data-testid="history">
      {listing.history.map((entry, index) => {
        const changes = historyChanges(entry.changes);
        return (
          <li key={index} className="zm-history__item kern-stack-xs">
            <p className="kern-body">
              <strong>
                {t(`review.history.action.${entry.action}`, { defaultValue: entry.action })}
              </strong>
            </p>
            <p className="kern-body kern-body--small">
              {t('review.history.by', {
                name: entry.actor?.displayName ?? t('review.history.system'),
                when: formatDateTime(entry.at, i18n.language),
              })}
            </p>
            {entry.reason ? (
              <p className="kern-body kern-body--small zm-pre">
                {t('review.history.reason', { reason: entry.reason })}
              </p>
            ) : null}
            {changes.length > 0 ? (
              <ul className="kern-list kern-body--small">
                {changes.map(({ key, value }) => (
                  <li key={key}>
                    {t(`review.history.field.${key}`)}: {show(key, value)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
