import type { IncidentReceipt } from '@zemag/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { createIncidentSender } from './incident-sender';
import { currentPosition, oneTapReport } from './one-tap.model';
import { browserOutbox } from './outbox.browser';
import { submitThroughOutbox } from './submit-report';
import { useOutbox } from './use-outbox';
import './reports.css';

/** What became of the last tap. */
type Tap =
  | { kind: 'idle' }
  | { kind: 'storing' }
  | { kind: 'sent'; receipt: IncidentReceipt | null }
  /** Kept on the device (`entryId`); "arrived" once it has left the outbox. */
  | { kind: 'saved'; entryId: string }
  | { kind: 'failed'; message: string };

/**
 * "Sofort melden": one tap stores a report with the time, the phone's position (if allowed,
 * waited for at most five seconds) and the signed-in reporter — through the outbox, so it
 * also works without a connection — and says so. Everything else is completed later in
 * "Meine Meldungen".
 */
export function OneTapReport({ ownerId, offline = false }: { ownerId: string; offline?: boolean }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [tap, setTap] = useState<Tap>({ kind: 'idle' });
  const { entries } = useOutbox(ownerId);
  const busy = tap.kind === 'storing';

  async function report() {
    if (busy) return;
    const tappedAt = new Date();
    setTap({ kind: 'storing' });
    const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    const position = await currentPosition(geolocation);
    try {
      const result = await submitThroughOutbox({
        outbox: browserOutbox(),
        ownerId,
        input: oneTapReport(tappedAt, position),
        replaceId: null,
        tr: translator,
        sendDirect: createIncidentSender(),
      });
      if (result.kind === 'stored') setTap({ kind: 'sent', receipt: result.receipt });
      else if (result.kind === 'saved') setTap({ kind: 'saved', entryId: result.entryId });
      else {
        setTap({ kind: 'failed', message: result.failure.message ?? t('reports.oneTap.failed') });
      }
    } catch {
      setTap({ kind: 'failed', message: t('reports.oneTap.failed') });
    }
  }

  // A report kept on the device has arrived once the outbox no longer holds it.
  const waiting = tap.kind === 'saved' ? entries?.find((e) => e.id === tap.entryId) : undefined;
  const arrived = tap.kind === 'saved' && entries !== undefined && !waiting;

  return (
    <div className="zm-one-tap kern-stack-sm">
      <button
        type="button"
        className="kern-btn kern-btn--primary zm-report-button zm-one-tap__button"
        aria-disabled={busy || undefined}
        aria-describedby="one-tap-hint"
        onClick={() => void report()}
      >
        <span className="kern-icon kern-icon--warning kern-icon--large" aria-hidden="true" />
        <span className="kern-label">
          {busy ? t('reports.oneTap.storing') : t('reports.oneTap.button')}
        </span>
      </button>
      <p className="kern-body kern-body--small" id="one-tap-hint">
        {t('reports.oneTap.hint')}
      </p>
      <div aria-live="polite" data-testid="one-tap-result">
        {tap.kind === 'sent' ? (
          <Alert
            variant="success"
            title={
              tap.receipt
                ? t('reports.oneTap.sentTitle', { reference: tap.receipt.reference })
                : t('reports.oneTap.arrivedTitle')
            }
          >
            <p className="kern-body">{t('reports.oneTap.completeLater')}</p>
            {offline ? null : (
              <p className="kern-body">
                <AppLink
                  href={tap.receipt ? `/reports/${tap.receipt.id}` : '/reports'}
                  className="kern-link zm-touch-link"
                >
                  {t('reports.oneTap.completeNow')}
                </AppLink>
              </p>
            )}
          </Alert>
        ) : null}
        {tap.kind === 'saved' && !arrived && waiting?.state !== 'invalid' ? (
          <Alert variant="warning" title={t('reports.oneTap.savedTitle')}>
            <p className="kern-body">{t('reports.oneTap.savedText')}</p>
            <p className="kern-body">{t('reports.oneTap.completeLater')}</p>
          </Alert>
        ) : null}
        {tap.kind === 'saved' && waiting?.state === 'invalid' ? (
          <Alert variant="danger" title={t('reports.oneTap.refusedTitle')}>
            <p className="kern-body">
              <AppLink href={`/reports/outbox/${tap.entryId}`} className="kern-link">
                {t('reports.oneTap.refusedLink')}
              </AppLink>
            </p>
          </Alert>
        ) : null}
        {arrived ? (
          <Alert variant="success" title={t('reports.oneTap.arrivedTitle')}>
            <p className="kern-body">{t('reports.oneTap.completeLater')}</p>
            {offline ? null : (
              <p className="kern-body">
                <AppLink href="/reports" className="kern-link zm-touch-link">
                  {t('reports.oneTap.completeNow')}
                </AppLink>
              </p>
            )}
          </Alert>
        ) : null}
        {tap.kind === 'failed' ? (
          <Alert variant="danger" title={t('reports.oneTap.failedTitle')}>
            <p className="kern-body">{tap.message}</p>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
