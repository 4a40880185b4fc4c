import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { createIncidentSender } from './incident-sender';
import { browserOutbox } from './outbox.browser';
import { OutboxNotice } from './outbox-notice';
import { ReportForm } from './report-form';
import { type ReportDraft, emptyDraft } from './report-form.model';
import type { FieldProblem } from './report-validation';
import { type Submission, submitThroughOutbox } from './submit-report';
import './reports.css';

type Done = Extract<Submission, { kind: 'stored' | 'saved' }> & { quick: boolean };

/** Every in-app navigation and result moves focus to the heading, so readers announce it. */
function useFocusOnChange(heading: RefObject<HTMLHeadingElement | null>, value: unknown) {
  useEffect(() => {
    if (value) heading.current?.focus();
  }, [heading, value]);
}

/** Wide screens open the full form at once; phones start with the quick report. */
function wideScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 768px)').matches;
}

/**
 * "Vorfall melden": the quick report on top, the full report below. Also corrects an outbox
 * entry the server refused (`entry`), which is then replaced by the corrected one.
 */
export function NewReportPage({
  ownerId,
  entry,
  offline = false,
}: {
  ownerId: string;
  entry?: { id: string; draft: ReportDraft; problems: FieldProblem[] };
  /** Started without reaching the server: no links into pages that need it. */
  offline?: boolean;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const title = entry ? t('reports.new.correctTitle') : t('reports.new.title');
  const heading = usePage(title);
  const [entryId, setEntryId] = useState<string | null>(entry?.id ?? null);
  const [done, setDone] = useState<Done | null>(null);
  const [round, setRound] = useState(0);
  useFocusOnChange(heading, done);

  if (done) {
    return (
      <div className="zm-narrow kern-stack-lg">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {done.kind === 'stored' ? t('reports.new.storedTitle') : t('reports.new.savedTitle')}
        </h1>
        {done.kind === 'stored' ? (
          <Alert variant="success" title={t('reports.new.storedAlert')} role="status">
            <p className="kern-body">
              {done.receipt
                ? t('reports.new.storedReference', { reference: done.receipt.reference })
                : t('reports.new.storedNoReference')}
            </p>
          </Alert>
        ) : (
          <OutboxNotice ownerId={ownerId} showLink={false} />
        )}
        {done.kind === 'stored' && done.quick ? (
          <p className="kern-body">{t('reports.new.completeLater')}</p>
        ) : null}
        <div className="zm-actions zm-actions--stack">
          {done.kind === 'stored' && done.receipt && done.quick ? (
            <AppLink
              href={`/reports/${done.receipt.id}`}
              className="kern-btn kern-btn--primary zm-touch"
            >
              <span className="kern-label">{t('reports.new.complete')}</span>
            </AppLink>
          ) : null}
          {offline ? null : (
            <AppLink href="/reports" className="kern-btn kern-btn--secondary zm-touch">
              <span className="kern-label">{t('reports.mine.title')}</span>
            </AppLink>
          )}
          <Button
            variant="tertiary"
            label={t('reports.new.another')}
            onClick={() => {
              setDone(null);
              setEntryId(null);
              setRound((n) => n + 1);
            }}
          />
        </div>
      </div>
    );
  }

  return (
    <div className="zm-narrow zm-report-page kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p className="kern-body">
          {entry ? t('reports.new.correctIntro') : t('reports.new.intro')}
        </p>
      </div>
      <ReportForm
        key={round}
        initial={entry?.draft ?? emptyDraft()}
        initialProblems={entry?.problems}
        detailsOpen={wideScreen() || Boolean(entry)}
        submitLabel={t('reports.new.submit')}
        busyLabel={t('reports.new.submitting')}
        onSubmit={async (input) => {
          const result = await submitThroughOutbox({
            outbox: browserOutbox(),
            ownerId,
            input,
            replaceId: entryId,
            tr: translator,
            sendDirect: createIncidentSender(),
          });
          setEntryId(result.entryId);
          if (result.kind === 'refused') return result.failure;
          setDone({ ...result, quick: input.quick ?? false });
          return null;
        }}
      />
    </div>
  );
}
