import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPartialDate } from '../../ui/format';
import type { ValueLabels } from './correction-values';

/** The labels and date formats of the UI language for showing stored values. */
export function useValueLabels(): ValueLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    date: (value) => formatPartialDate(value, language),
    dateTime: (value) => formatDateTime(value, language),
    category: (key) => t(`review.category.${key}`, { defaultValue: key }),
    level: (level) =>
      t('review.level.badge', {
        level,
        name: t(`review.level.name.${level}`, { defaultValue: '' }),
      }),
    injuries: (key) => t(`review.injuries.${key}`, { defaultValue: key }),
    complaint: (status) => t(`review.complaint.${status}`, { defaultValue: status }),
    fileNumber: (number) => t('review.facts.fileNumber', { number }),
    yesNo: (value) =>
      t(value === null ? 'review.facts.unknown' : value ? 'review.facts.yes' : 'review.facts.no'),
    nameKind: (kind) => t(`review.personPage.nameKind.${kind}`, { defaultValue: kind }),
    position: (p) =>
      t('review.facts.position', {
        latitude: p.latitude.toFixed(5),
        longitude: p.longitude.toFixed(5),
        accuracy: p.accuracyMeters === null ? '–' : Math.round(p.accuracyMeters),
      }),
    born: (date) => t('review.person.born', { date }),
  };
}
