import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem-message';
import { usePage } from '../../app/use-page';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { Loading } from '../../ui/loading';
import { saveFile } from '../../ui/save-file';
import { asApiError } from '../../ui/use-resource';
import { type AuditEventView, useAuditApi } from './audit.api';
import { AuditEventsTable } from './audit-events.table';
import {
  AUDIT_FILTER_FIELDS,
  type AuditFilter,
  type AuditFilterDraft,
  type AuditFilterField,
  type AuditFilterProblem,
  EMPTY_AUDIT_FILTER,
  toAuditFilter,
} from './audit-filter';
import { AUDIT_ID, AuditFilterForm } from './audit-filter.form';
import { useAuditEvents } from './use-audit-events';
import './audit.css';

/** The checks made here before sending, spread over the form like the server's refusal. */
function problemsFailure(
  problems: readonly AuditFilterProblem[],
  labels: Record<AuditFilterField, string>,
  text: (code: AuditFilterProblem['code']) => string,
): FormFailure<AuditFilterField> | null {
  if (problems.length === 0) return null;
  const byField: Partial<Record<AuditFilterField, string>> = {};
  for (const problem of problems) byField[problem.field] ??= text(problem.code);
  const summary = AUDIT_FILTER_FIELDS.flatMap((field) => {
    const message = byField[field];
    return message ? [{ id: `${AUDIT_ID}${field}`, text: `${labels[field]}: ${message}` }] : [];
  });
  return { byField, summary, message: '' };
}

/**
 * The data protection officer's search of the audit log: who did what, when, about whom and
 * why; older events page by page; the same filter as a CSV file. The filter stays on this page
 * (never in the address, never stored): it may name a person.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const api = useAuditApi();
  const heading = usePage(t('audit.title'));
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [problems, setProblems] = useState<AuditFilterProblem[]>([]);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const results = useAuditEvents(filter, api.events);

  const labels: Record<AuditFilterField, string> = {
    from: t('audit.filter.from'),
    to: t('audit.filter.to'),
    user: t('audit.filter.user'),
    department: t('audit.filter.department'),
    action: t('audit.filter.action'),
    person: t('audit.filter.person'),
    purpose: t('audit.filter.purpose'),
  };
  // The server's refusal of a filter names the field; a check here comes first.
  const serverFailure =
    results.error && results.error.fieldErrors.length > 0
      ? formFailure(results.error, AUDIT_FILTER_FIELDS, translator, { idPrefix: AUDIT_ID, labels })
      : null;
  const failure = problemsFailure(problems, labels, (code) => t(`audit.problems.${code}`));

  function search(next: AuditFilterDraft = draft, focusResults = false) {
    const read = toAuditFilter(next);
    setProblems(read.problems);
    setExportError(null);
    if (!read.filter) {
      requestAnimationFrame(() => {
        const first = AUDIT_FILTER_FIELDS.find((f) => read.problems.some((p) => p.field === f));
        if (first) document.getElementById(`${AUDIT_ID}${first}`)?.focus();
      });
      return;
    }
    setFilter(read.filter);
    if (focusResults) resultsHeading.current?.focus();
  }

  function refine(patch: Partial<AuditFilterDraft>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    search(next, true);
  }

  async function exportCsv() {
    if (exporting) return;
    setExporting(true);
    setExportError(null);
    try {
      saveFile(await api.exportCsv(filter), 'Protokoll.csv');
    } catch (error) {
      setExportError(problemMessage(asApiError(error), translator));
    } finally {
      setExporting(false);
    }
  }

  const byUser = (actor: NonNullable<AuditEventView['actor']>) =>
    refine({
      user: {
        id: actor.id,
        name: `${actor.displayName || actor.username} (${actor.username})`,
      },
    });
  const byPerson = (personId: string) => refine({ person: personId });
  const { events, loaded, loading, error, next } = results;

  return (
    <div className="zm-audit kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('audit.title')}
        </h1>
        <p className="kern-body">{t('audit.intro')}</p>
      </div>
      <section className="zm-panel kern-stack-md" aria-labelledby="audit-filter-title">
        <h2 className="kern-heading-medium" id="audit-filter-title">
          {t('audit.filter.title')}
        </h2>
        <AuditFilterForm
          draft={draft}
          failure={failure ?? serverFailure}
          onChange={(changed) => {
            setDraft(changed);
            setProblems([]);
          }}
          onSearch={() => search()}
          onReset={() => {
            setDraft(EMPTY_AUDIT_FILTER);
            search(EMPTY_AUDIT_FILTER);
          }}
        />
      </section>
      <section className="zm-panel kern-stack-md" aria-labelledby="audit-results-title">
        <div className="zm-audit-head">
          <h2
            className="kern-heading-medium"
            id="audit-results-title"
            tabIndex={-1}
            ref={resultsHeading}
          >
            {t('audit.results.title')}
          </h2>
          <Button
            variant="secondary"
            icon="download"
            label={exporting ? t('audit.export.working') : t('audit.export.button')}
            aria-disabled={exporting || undefined}
            onClick={() => void exportCsv()}
          />
        </div>
        <p className="kern-body kern-body--small kern-body--muted">{t('audit.export.hint')}</p>
        {exportError ? (
          <Alert variant="danger" title={t('audit.export.failed')} role="alert">
            <p className="kern-body">{exportError}</p>
          </Alert>
        ) : null}
        <p className="kern-body" role="status" data-testid="audit-count">
          {loaded
            ? next === null
              ? t('audit.results.countAll', { count: events.length })
              : t('audit.results.countMore', { count: events.length })
            : ''}
        </p>
        {loading === 'first' ? <Loading /> : null}
        {error && !serverFailure ? (
          <Alert variant="danger" title={problemMessage(error, translator)} role="alert">
            <Button variant="secondary" label={t('app.retry')} onClick={results.retry} />
          </Alert>
        ) : null}
        {error && serverFailure ? (
          <p className="kern-body">{t('audit.results.checkFilter')}</p>
        ) : null}
        {loaded && !error && events.length === 0 ? (
          <p className="kern-body zm-empty">{t('audit.results.empty')}</p>
        ) : null}
        {events.length > 0 && loading !== 'first' ? (
          <AuditEventsTable
            events={events}
            filters={{ byUser, byPerson }}
            busy={loading !== null}
          />
        ) : null}
        {loaded && next !== null && loading !== 'first' ? (
          <div className="zm-actions">
            <Button
              variant="secondary"
              label={loading === 'more' ? t('audit.results.loadingMore') : t('audit.results.more')}
              aria-disabled={loading === 'more' || undefined}
              onClick={results.loadMore}
            />
          </div>
        ) : null}
      </section>
    </div>
  );
}
