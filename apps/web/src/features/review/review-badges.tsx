import type { IncidentStatus, ListingStatus } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeVariant } from '../../ui/badge';

const LEVEL_VARIANT: Record<number, BadgeVariant> = {
  0: 'info',
  1: 'info',
  2: 'warning',
  3: 'danger',
};

/** The Aachener level by colour and in words: "Stufe 3 – Waffen oder Werkzeuge". */
export function LevelBadge({ level }: { level: number | null }) {
  const { t } = useTranslation();
  if (level === null) return <Badge variant="warning" label={t('review.level.open')} />;
  return (
    <Badge
      variant={LEVEL_VARIANT[level] ?? 'info'}
      label={t('review.level.badge', { level, name: t(`review.level.name.${level}`) })}
    />
  );
}

const STATUS_VARIANT: Record<IncidentStatus, BadgeVariant> = {
  submitted: 'info',
  in_review: 'info',
  needs_info: 'warning',
  confirmed: 'success',
  rejected: 'danger',
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return <Badge variant={STATUS_VARIANT[status]} label={t(`review.status.${status}`)} />;
}

const LISTING_VARIANT: Record<ListingStatus, BadgeVariant> = {
  proposed: 'warning',
  active: 'success',
  expired: 'info',
  ended: 'info',
  declined: 'info',
};

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  const { t } = useTranslation();
  return <Badge variant={LISTING_VARIANT[status]} label={t(`review.listingStatus.${status}`)} />;
}

/** Categories in words, comma-separated. */
export function useCategoryNames() {
  const { t } = useTranslation();
  return (categories: readonly string[]) =>
    categories.map((c) => t(`review.category.${c}`)).join(', ');
}

/** Marks a one-tap report without level yet: the review decides it. */
export function IncompleteBadge() {
  const { t } = useTranslation();
  return <Badge variant="warning" label={t('review.queue.incomplete')} />;
}

/** Marks a quick report: the reporter sent the minimum and may still complete it. */
export function QuickBadge() {
  const { t } = useTranslation();
  return <Badge variant="warning" label={t('review.queue.quick')} />;
}
