import type { Listing } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { formatDate, formatDateTime } from '../../ui/format';
import { useReviewApi } from '../review/review.api';
import { TextDialog } from '../review/text-dialog';

type Decision = 'decline' | 'end' | 'extend' | 'withdraw' | 'restrict' | 'lift';

/** `YYYY-MM-DD` plus months (the suggested new end of an extension). */
function plusMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * A listing's life after its proposal: decline, end early, extend (a second registrar
 * confirms), restrict while disputed and lift. Each decision asks for its reason in a dialog;
 * each button appears only when the server lists the action.
 */
export function ListingLifeActions({
  listing,
  onDone,
}: {
  listing: Listing;
  onDone(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const review = useReviewApi();
  const [open, setOpen] = useState<Decision | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const can = (action: Listing['actions'][number]) => listing.actions.includes(action);
  const id = listing.id;
  const k = (key: string) => `review.life.${key}`;

  const run: Record<Decision, (reason: string, date: string) => Promise<Listing>> = {
    decline: (reason) => review.decline(id, reason),
    end: (reason) => review.end(id, reason),
    extend: (reason, date) => review.proposeExtension(id, date, reason),
    withdraw: (reason) => review.withdrawExtension(id, reason),
    restrict: (reason, date) => review.restrict(id, date, reason, true),
    lift: (reason) => review.liftRestriction(id, reason),
  };

  async function decide(decision: Decision, reason: string, date: string) {
    await run[decision](reason, date);
    setOpen(null);
    onDone(t(k(`${decision}.notice`)));
  }

  async function confirmExtension() {
    if (confirming) return;
    setConfirming(true);
    setConfirmError(null);
    try {
      await review.confirmExtension(id);
      onDone(t(k('confirm.notice')));
    } catch {
      setConfirmError(t(k('confirm.failed')));
    } finally {
      setConfirming(false);
    }
  }

  const buttons: { decision: Decision; action: Listing['actions'][number] }[] = [
    { decision: 'decline', action: 'decline' },
    { decision: 'extend', action: 'extend' },
    { decision: 'withdraw', action: 'withdraw_extension' },
    { decision: 'restrict', action: 'restrict' },
    { decision: 'lift', action: 'lift_restriction' },
    { decision: 'end', action: 'end' },
  ];
  const shown = buttons.filter((b) => can(b.action));
  if (shown.length === 0 && !can('confirm_extension') && !listing.extension) return null;
  const ext = listing.extension;
  const dateOf: Partial<Record<Decision, { label: string; hint: string; initial: string }>> = {
    extend: {
      label: t(k('extend.date')),
      hint: t(k('extend.dateHint')),
      initial: plusMonths(listing.validUntil, 12),
    },
    restrict: {
      label: t(k('restrict.date')),
      hint: t(k('restrict.dateHint')),
      initial: '',
    },
  };

  return (
    <section className="zm-panel kern-stack-md" aria-labelledby="life-title">
      <h2 className="kern-heading-medium" id="life-title">
        {t(k('title'))}
      </h2>
      {listing.restricted && listing.restrictedUntil && listing.restrictionOverdue ? (
        <div data-testid="restriction-overdue">
          <Alert variant="warning" title={t(k('overdueTitle'))}>
            <p className="kern-body">
              {t(k('overdue'), { date: formatDate(listing.restrictedUntil, i18n.language) })}
            </p>
          </Alert>
        </div>
      ) : listing.restricted && listing.restrictedUntil ? (
        <p className="kern-body" data-testid="restriction">
          {t(k('restrictedUntil'), { date: formatDate(listing.restrictedUntil, i18n.language) })}
        </p>
      ) : null}
      {ext ? (
        <div className="kern-stack-xs" data-testid="extension">
          <p className="kern-body">
            {t(k('pending'), {
              date: formatDate(ext.validUntil, i18n.language),
              name: ext.proposedBy.displayName,
              when: formatDateTime(ext.proposedAt, i18n.language),
            })}
          </p>
          <p className="kern-body kern-body--small zm-pre">
            {t('review.history.reason', { reason: ext.reason })}
          </p>
          {can('confirm_extension') ? (
            <div className="zm-actions">
              <Button
                icon="check"
                label={confirming ? t('admin.common.working') : t(k('confirm.button'))}
                aria-disabled={confirming || undefined}
                onClick={() => void confirmExtension()}
              />
            </div>
          ) : (
            <p className="kern-body kern-body--small">{t(k('confirm.other'))}</p>
          )}
          {confirmError ? (
            <p className="kern-body" role="alert">
              {confirmError}
            </p>
          ) : null}
        </div>
      ) : null}
      {shown.length > 0 ? (
        <div className="zm-actions">
          {shown.map((b) => (
            <Button
              key={b.decision}
              variant="secondary"
              label={t(k(`${b.decision}.button`))}
              onClick={() => setOpen(b.decision)}
            />
          ))}
        </div>
      ) : null}
      {buttons.map(({ decision }) => (
        <TextDialog
          key={decision}
          open={open === decision}
          title={t(k(`${decision}.title`))}
          description={t(k(`${decision}.text`), {
            date: formatDate(listing.validUntil, i18n.language),
          })}
          label={t(k('reason'))}
          hint={t(k('reasonHint'))}
          min={10}
          confirmLabel={t(k(`${decision}.button`))}
          {...(dateOf[decision] ? { date: dateOf[decision] } : {})}
          onCancel={() => setOpen(null)}
          onConfirm={(reason, date) => decide(decision, reason, date)}
        />
      ))}
    </section>
  );
}
