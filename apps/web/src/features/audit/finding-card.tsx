import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { asApiError } from '../../ui/use-resource';
import type { AuditEventView } from './audit.api';
import type { AnomalyRuleView, FindingView } from './findings.api';
import { FindingReviewForm } from './finding-review.form';

type Language = 'de' | 'en';

/**
 * One finding: the rule, what it saw, whose look-ups, when; the look-ups themselves on request;
 * the review (a note) or, once reviewed, who reviewed it and what they noted.
 */
export function FindingCard({
  finding,
  rule,
  loadEvents,
  onReview,
}: {
  finding: FindingView;
  rule: AnomalyRuleView | undefined;
  loadEvents(): Promise<AuditEventView[]>;
  onReview(note: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const language: Language = i18n.language === 'en' ? 'en' : 'de';
  const [events, setEvents] = useState<AuditEventView[] | null>(null);
  const [eventsOpen, setEventsOpen] = useState(false);
  const [eventsError, setEventsError] = useState<string | null>(null);
  const when = (instant: string) => formatDateTime(instant, i18n.language);
  const titleId = `finding-${finding.id}`;
  const user = finding.user;

  async function toggleEvents() {
    if (eventsOpen) {
      setEventsOpen(false);
      return;
    }
    setEventsOpen(true);
    if (events) return;
    setEventsError(null);
    try {
      setEvents(await loadEvents());
    } catch (error) {
      setEventsError(problemMessage(asApiError(error), translator));
    }
  }

  return (
    <article className="zm-panel kern-stack-sm zm-finding" aria-labelledby={titleId}>
      <div className="zm-audit-head">
        <h3 className="kern-heading-small" id={titleId}>
          {rule?.name[language] ?? finding.rule}
        </h3>
        {finding.status === 'open' ? (
          <Badge variant="warning" label={t('audit.findings.status.open')} />
        ) : (
          <Badge variant="success" label={t('audit.findings.status.reviewed')} />
        )}
      </div>
      <p className="kern-body">{finding.summary[language]}</p>
      <dl className="zm-finding-facts">
        <dt>{t('audit.findings.user')}</dt>
        <dd>
          {user.displayName ?? '—'}
          {user.username ? ` (${user.username})` : ''}
          {user.department ? `, ${user.department.name} (${user.department.code})` : ''}
        </dd>
        <dt>{t('audit.findings.window')}</dt>
        <dd>
          {finding.windowStart === finding.windowEnd
            ? when(finding.windowStart)
            : `${when(finding.windowStart)} – ${when(finding.windowEnd)}`}
        </dd>
        <dt>{t('audit.findings.detected')}</dt>
        <dd>{when(finding.detectedAt)}</dd>
      </dl>
      <div className="zm-actions">
        <Button
          variant="tertiary"
          icon={eventsOpen ? 'arrow-up' : 'arrow-down'}
          aria-expanded={eventsOpen}
          aria-controls={`${titleId}-events`}
          label={t('audit.findings.showEvents', { count: finding.eventSeqs.length })}
          onClick={() => void toggleEvents()}
        />
      </div>
      <div id={`${titleId}-events`} hidden={!eventsOpen}>
        {eventsError ? (
          <Alert variant="danger" title={eventsError} role="alert">
            <Button
              variant="secondary"
              label={t('app.retry')}
              onClick={() => {
                setEventsOpen(false);
                void toggleEvents();
              }}
            />
          </Alert>
        ) : null}
        {eventsOpen && !events && !eventsError ? (
          <p className="kern-body">{t('audit.findings.loadingEvents')}</p>
        ) : null}
        {events ? (
          <ul className="zm-finding-events kern-body--small">
            {events
              .filter((e) => finding.eventSeqs.includes(e.seq))
              .map((e) => (
                <li key={e.seq}>
                  <span className="zm-nowrap">{when(e.occurredAt)}</span> · {e.purpose ?? '—'} ·{' '}
                  {t('audit.findings.personsShown', { count: e.personsShown ?? 0 })}
                  <span className="kern-body--muted"> · #{e.seq}</span>
                </li>
              ))}
          </ul>
        ) : null}
      </div>
      {finding.review ? (
        <div className="kern-stack-xs zm-finding-review">
          <p className="kern-body kern-body--small">
            {t('audit.findings.reviewedBy', {
              name: finding.review.by.displayName ?? '—',
              at: when(finding.review.at),
            })}
          </p>
          <p className="kern-body zm-prewrap">{finding.review.note}</p>
        </div>
      ) : (
        <FindingReviewForm id={finding.id} onReview={onReview} />
      )}
    </article>
  );
}
