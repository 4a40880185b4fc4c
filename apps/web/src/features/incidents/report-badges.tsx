import type { IncidentStatus } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeVariant } from '../../ui/badge';
import './reports.css';

const STATUS_VARIANT: Record<IncidentStatus, BadgeVariant> = {
  submitted: 'info',
  in_review: 'info',
  needs_info: 'warning',
  confirmed: 'success',
  rejected: 'danger',
};

/** The status of a report in words (and colour). */
export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return <Badge variant={STATUS_VARIANT[status]} label={t(`reports.status.${status}`)} />;
}

/**
 * The Aachener level: its number and meaning in words, and a colour that grows with it.
 * "Stufe offen" while a one-tap report has none yet.
 */
export function LevelBadge({ level }: { level: number | null }) {
  const { t } = useTranslation();
  if (level === null) {
    return (
      <span className="zm-level zm-level--open">
        <span className="zm-level__number" aria-hidden="true">
          ?
        </span>
        <span className="zm-level__text">{t('reports.level.open')}</span>
      </span>
    );
  }
  return (
    <span className={`zm-level zm-level--${level}`}>
      <span className="zm-level__number" aria-hidden="true">
        {level}
      </span>
      <span className="zm-level__text">
        {t('reports.level.badge', { level, name: t(`reports.level.name.${level}`) })}
      </span>
    </span>
  );
}

/** Marks a one-tap report that still waits for the reporter's completion. */
export function IncompleteBadge() {
  const { t } = useTranslation();
  return <Badge variant="warning" label={t('reports.mine.incomplete')} />;
}

/** A place in one line: address, else the description, else "position". */
export function placeLine(
  place: {
    address: {
      street: string;
      houseNumber?: string | null;
      postalCode?: string | null;
      city?: string | null;
    } | null;
    description: string | null;
    position: unknown;
  },
  positionLabel: string,
): string {
  const a = place.address;
  if (a) {
    const street = [a.street, a.houseNumber].filter(Boolean).join(' ');
    const city = [a.postalCode, a.city].filter(Boolean).join(' ');
    return [street, city].filter(Boolean).join(', ');
  }
  if (place.description) return place.description;
  return place.position ? positionLabel : '–';
}
