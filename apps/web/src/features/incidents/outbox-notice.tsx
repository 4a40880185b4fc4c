import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { problemMessage } from '../../api/problem-message';
import { AppLink } from '../../app/app-link';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { useSession } from '../identity/session.context';
import type { OutboxEntry } from './outbox';
import { OutboxArrivals } from './outbox-arrivals';
import { NotifyOnArrival } from './outbox-notify';
import { countStatuses, earliestRetry, entryStatus } from './outbox-status';
import { problemLabel, problemText } from './report-validation';
import { useOutbox } from './use-outbox';

/**
 * What became of the reports made on this phone, each state told truthfully: arrived (with
 * the reference number), sending, saved on the phone, not taken by the server (with the next
 * attempt), waiting for a new sign-in (with the button), refused (with the reason). One
 * "send now" button at most.
 */
export function OutboxNotice({
  ownerId,
  showLink = true,
}: {
  ownerId: string;
  showLink?: boolean;
}) {
  const { t, i18n } = useTranslation();
  // Started without the server there is no session: the page's own "try again" applies.
  const canSend = useSession().state.status === 'signed-in';
  const { entries, arrivals, sendingId, online, sendNow, dismissArrival } = useOutbox(ownerId);
  const [busy, setBusy] = useState(false);
  const list = entries ?? [];
  const context = { online, sendingId };
  const counts = countStatuses(list, context);
  const nextAttempt = earliestRetry(list, context);
  const waiting = counts.saved + counts.failed + counts.needsSignIn + counts.sending;

  async function send() {
    if (busy) return;
    setBusy(true);
    try {
      await sendNow();
    } finally {
      setBusy(false);
    }
  }

  const sendButton =
    canSend && online ? (
      <Button
        variant="secondary"
        icon="autorenew"
        label={busy ? t('reports.outbox.sending') : t('reports.outbox.sendNow')}
        aria-disabled={busy || undefined}
        onClick={() => void send()}
      />
    ) : null;
  const listLink = showLink ? (
    <AppLink href="/reports" className="kern-link">
      {t('reports.outbox.showList')}
    </AppLink>
  ) : null;

  return (
    <div className="kern-stack-sm" data-testid="outbox-notice">
      <OutboxArrivals arrivals={arrivals} onDismiss={(id) => void dismissArrival(id)} />
      {counts.needsSignIn > 0 && canSend ? <SignInAgain count={counts.needsSignIn} /> : null}
      {counts.sending > 0 ? (
        <Alert variant="info" title={t('reports.outbox.sendingTitle')} role="status">
          <p className="kern-body">{t('reports.outbox.sendingCount', { count: counts.sending })}</p>
        </Alert>
      ) : null}
      {counts.saved > 0 ? (
        <Alert variant="warning" title={t('reports.outbox.savedTitle')} role="status">
          <div className="kern-stack-sm">
            <p className="kern-body">{t('reports.outbox.pendingCount', { count: counts.saved })}</p>
            {counts.failed === 0 && (sendButton || listLink) ? (
              <div className="zm-actions">
                {sendButton}
                {listLink}
              </div>
            ) : null}
          </div>
        </Alert>
      ) : null}
      {counts.failed > 0 ? (
        <Alert variant="warning" title={t('reports.outbox.failedTitle')} role="status">
          <div className="kern-stack-sm">
            <p className="kern-body">
              {t('reports.outbox.pendingCount', { count: counts.failed })}{' '}
              {nextAttempt
                ? t('reports.outbox.nextAttempt', {
                    time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
                      nextAttempt,
                    ),
                  })
                : null}
            </p>
            {sendButton || listLink ? (
              <div className="zm-actions">
                {sendButton}
                {listLink}
              </div>
            ) : null}
          </div>
        </Alert>
      ) : null}
      {counts.refused > 0 ? (
        <Refused
          entries={list.filter((e) => entryStatus(e, context).kind === 'refused')}
          link={listLink}
        />
      ) : null}
      {waiting > 0 && canSend ? <NotifyOnArrival /> : null}
    </div>
  );
}

/** The session ended: nothing is sent until the employee signs in; sign-in returns here. */
function SignInAgain({ count }: { count: number }) {
  const { t } = useTranslation();
  const { expired } = useSession();
  return (
    <Alert variant="warning" title={t('reports.outbox.signInTitle')} role="status">
      <div className="kern-stack-sm">
        <p className="kern-body">{t('reports.outbox.signInCount', { count })}</p>
        <div className="zm-actions">
          <Button
            icon="account-circle"
            label={t('reports.outbox.signIn')}
            onClick={() => expired('/reports')}
          />
        </div>
      </div>
    </Alert>
  );
}

/** Refused reports with the server's reasons; they wait for a correction. */
function Refused({ entries, link }: { entries: OutboxEntry[]; link: React.ReactNode }) {
  const { t } = useTranslation();
  const tr = useTranslator();
  const reasons = new Set<string>();
  for (const entry of entries) {
    if (entry.problems.length === 0) {
      const code = entry.lastError ?? 'request.invalid';
      reasons.add(
        problemMessage(new ApiError({ status: 400, code: code as ApiError['code'] }), tr),
      );
    }
    for (const problem of entry.problems) {
      const label = problemLabel(problem, tr);
      const text = problemText(problem, tr);
      reasons.add(label ? `${label}: ${text}` : text);
    }
  }
  return (
    <Alert variant="danger" title={t('reports.outbox.refusedTitle')} role="status">
      <div className="kern-stack-sm">
        <p className="kern-body">
          {t('reports.outbox.refusedCount', { count: entries.length })} {link}
        </p>
        <ul className="kern-list" data-testid="outbox-refusal-reasons">
          {[...reasons].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
    </Alert>
  );
}
