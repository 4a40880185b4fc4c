import type { Incident } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { LevelBadge, useCategoryNames } from './review-badges';
import { addressLine } from './review.model';
import { useValueLabels } from './use-value-labels';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/** Everything the reporter wrote, as text (names and descriptions are never markup). */
export function IncidentFacts({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const categoryNames = useCategoryNames();
  const labels = useValueLabels();
  const { place, criminalComplaint: complaint } = incident;
  const placeLines = [
    place.address ? addressLine(place.address) : null,
    place.description,
    place.position ? labels.position(place.position) : null,
  ].filter(Boolean);
  return (
    <dl className="kern-description-list" data-testid="incident-facts">
      <Row label={t('review.fields.occurredAt')}>
        {formatDateTime(incident.occurredAt, i18n.language)}
      </Row>
      <Row label={t('review.fields.place')}>
        <span className="zm-pre">{placeLines.join('\n') || '–'}</span>
      </Row>
      <Row label={t('review.fields.categories')}>{categoryNames(incident.categories) || '–'}</Row>
      <Row label={t('review.fields.level')}>
        <LevelBadge level={incident.level} />
      </Row>
      <Row label={t('review.fields.description')}>
        <span className="zm-pre">{incident.description || t('review.facts.none')}</span>
      </Row>
      <Row label={t('review.fields.injuries')}>{t(`review.injuries.${incident.injuries}`)}</Row>
      <Row label={t('review.fields.policeInvolved')}>
        {incident.policeInvolved === null
          ? t('review.facts.unknown')
          : t(incident.policeInvolved ? 'review.facts.yes' : 'review.facts.no')}
      </Row>
      <Row label={t('review.fields.criminalComplaint')}>
        {t(`review.complaint.${complaint.status}`)}
        {complaint.fileNumber
          ? ` – ${t('review.facts.fileNumber', { number: complaint.fileNumber })}`
          : ''}
      </Row>
      <Row label={t('review.fields.reporter')}>
        {incident.reporter.displayName}
        {incident.reporter.department ? ` (${incident.reporter.department})` : ''}
      </Row>
      <Row label={t('review.fields.submittedAt')}>
        {formatDateTime(incident.submittedAt, i18n.language)}
      </Row>
    </dl>
  );
}
