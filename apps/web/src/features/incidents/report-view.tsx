import type { IncidentReportInput } from '@zemag/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { LevelBadge, placeLine } from './report-badges';

/** A report's content, the same for a stored report and one still on the device. */
export interface ReportContent {
  occurredAt: string;
  /** Empty (or missing) while a one-tap report is incomplete. */
  categories?: readonly string[] | undefined;
  /** Null (or missing) while a one-tap report is incomplete. */
  level?: number | null | undefined;
  place: IncidentReportInput['place'];
  description?: string | undefined;
  injuries?: string | undefined;
  policeInvolved?: boolean | null | undefined;
  criminalComplaint?:
    { status?: string | undefined; fileNumber?: string | null | undefined } | undefined;
  persons?:
    | readonly {
        familyName?: string | null | undefined;
        givenNames?: string | null | undefined;
        dateOfBirth?: string | null | undefined;
        description?: string | null | undefined;
      }[]
    | undefined;
}

/** `1984-03-07` → `07.03.1984`, `1984-03` → `03.1984` (German) or `03/1984` (English). */
export function formatPartialDate(value: string, language: string): string {
  const parts = value.split('-').reverse();
  return parts.join(language.toLowerCase().startsWith('en') ? '/' : '.');
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/** The report as a description list; names and texts are rendered as text, never as markup. */
export function ReportView({ report }: { report: ReportContent }) {
  const { t, i18n } = useTranslation();
  const place = report.place;
  const position = place.position;
  const complaint = report.criminalComplaint;
  return (
    <dl className="kern-description-list zm-report-view">
      <Row label={t('reports.fields.occurredAt')}>
        {formatDateTime(report.occurredAt, i18n.language)}
      </Row>
      <Row label={t('reports.fields.categories')}>
        {(report.categories ?? []).length > 0
          ? (report.categories ?? []).map((c) => t(`reports.category.${c}`)).join(', ')
          : t('reports.detail.noCategories')}
      </Row>
      <Row label={t('reports.fields.level')}>
        <LevelBadge level={report.level ?? null} />
      </Row>
      <Row label={t('reports.form.place')}>
        <span className="zm-pre">
          {placeLine(
            {
              address: place.address ?? null,
              description: place.address ? null : (place.description ?? null),
              position: position ?? null,
            },
            t('reports.detail.positionOnly'),
          )}
          {place.address && place.description ? `\n${place.description}` : ''}
          {position && (place.address || place.description)
            ? `\n${t('reports.detail.positionToo')}`
            : ''}
        </span>
      </Row>
      {report.description ? (
        <Row label={t('reports.fields.description')}>
          <span className="zm-pre">{report.description}</span>
        </Row>
      ) : null}
      {report.injuries && report.injuries !== 'unknown' ? (
        <Row label={t('reports.fields.injuries')}>{t(`reports.injuries.${report.injuries}`)}</Row>
      ) : null}
      {report.policeInvolved !== null && report.policeInvolved !== undefined ? (
        <Row label={t('reports.fields.policeInvolved')}>
          {t(report.policeInvolved ? 'reports.yesNo.yes' : 'reports.yesNo.no')}
        </Row>
      ) : null}
      {complaint?.status && complaint.status !== 'unknown' ? (
        <Row label={t('reports.fields.criminalComplaint.status')}>
          {t(`reports.complaint.${complaint.status}`)}
          {complaint.fileNumber
            ? ` – ${t('reports.fields.criminalComplaint.fileNumber')}: ${complaint.fileNumber}`
            : ''}
        </Row>
      ) : null}
      {report.persons && report.persons.length > 0 ? (
        <Row label={t('reports.person.sectionTitle')}>
          <ul className="kern-list zm-person-lines">
            {report.persons.map((p, i) => (
              <li key={i} className="kern-body">
                {[
                  [p.familyName, p.givenNames].filter(Boolean).join(', '),
                  p.dateOfBirth
                    ? t('reports.detail.born', {
                        date: formatPartialDate(p.dateOfBirth, i18n.language),
                      })
                    : '',
                  p.description ?? '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </Row>
      ) : null}
    </dl>
  );
}
