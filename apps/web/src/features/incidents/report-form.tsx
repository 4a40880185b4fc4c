import type { IncidentReportInput } from '@zemag/contracts';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { DetailFields } from './detail-fields';
import { PersonFields } from './person-fields';
import { PlaceFields } from './place-fields';
import { CategoryChips, LevelChoice, TimeField } from './quick-fields';
import { type ReportDraft, toReportInput } from './report-form.model';
import {
  type FieldProblem,
  fieldId,
  problemLabel,
  problemText,
  validateReport,
} from './report-validation';
import './reports.css';

/** What the page answers after trying to send: nothing (done), or problems to show. */
export interface SubmitFailure {
  problems: FieldProblem[];
  /** A sentence for the whole form (e.g. no connection), when no field is to blame. */
  message: string | null;
}

/** Fields that live in the part "further details". */
const DETAIL_FIELDS = /^report-(description|injuries|policeInvolved|criminalComplaint|persons)/;

/** Form order, so the summary lists problems top to bottom. */
function order(id: string): number {
  const fields = [
    'occurredAt',
    'categories',
    'level',
    'place',
    'description',
    'injuries',
    'policeInvolved',
    'criminalComplaint',
    'persons',
  ];
  const index = fields.findIndex((f) => id.startsWith(`report-${f}`));
  return index < 0 ? fields.length : index;
}

const PLACE_KEYS = ['position', 'street', 'houseNumber', 'postalCode', 'city', 'placeDescription'];

/** The control-id prefixes whose messages a change makes stale. */
function touchedPrefixes(draft: ReportDraft, patch: Partial<ReportDraft>): string[] {
  return Object.keys(patch).flatMap((key) => {
    if (PLACE_KEYS.includes(key)) return ['report-place'];
    if (key === 'complaintStatus' || key === 'complaintFileNumber') {
      return ['report-criminalComplaint'];
    }
    if (key === 'persons') {
      const next = patch.persons ?? [];
      // A removed person shifts the numbers: all person messages go.
      if (next.length !== draft.persons.length) return ['report-persons'];
      return next.flatMap((person, i) =>
        person === draft.persons[i] ? [] : [`report-persons-${i}-`],
      );
    }
    if (key === 'levelChosen') return [];
    return [`report-${key}`];
  });
}

/**
 * The report form: the quick part (time, categories, level, place) always, the full report
 * under "further details". What was typed stays in the form whatever goes wrong.
 */
export function ReportForm({
  initial,
  initialProblems,
  detailsOpen = false,
  submitLabel,
  busyLabel,
  label,
  correcting = false,
  before,
  onSubmit,
  secondary,
}: {
  initial: ReportDraft;
  /** Problems to show from the start (a refused outbox entry). */
  initialProblems?: FieldProblem[] | undefined;
  detailsOpen?: boolean;
  submitLabel: string;
  busyLabel: string;
  /** The form's accessible name, where the page holds more than one form. */
  label?: string;
  /**
   * A registrar corrects a stored report: the persons involved stay the same ones (their data
   * may change), and the device's own position is not offered (the desk is not the place).
   */
  correcting?: boolean;
  /** Extra content above the submit button (e.g. the answer to a question); given the field messages by control id. */
  before?: ReactNode | ((errors: Readonly<Record<string, string>>) => ReactNode);
  onSubmit(input: IncidentReportInput, draft: ReportDraft): Promise<SubmitFailure | null>;
  secondary?: ReactNode;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>(initialProblems ?? []);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showDetails, setShowDetails] = useState(detailsOpen);
  const summaryRef = useRef<HTMLDivElement>(null);

  // A field's message goes once the reporter changes that field; the others stay.
  const update = (patch: Partial<ReportDraft>) => {
    const touched = touchedPrefixes(draft, patch);
    setDraft((current) => ({ ...current, ...patch }));
    if (touched.length > 0) {
      setProblems((current) =>
        current.filter((p) => !touched.some((prefix) => fieldId(p.field).startsWith(prefix))),
      );
    }
  };

  const sorted = [...problems].sort((a, b) => order(fieldId(a.field)) - order(fieldId(b.field)));
  const errors: Record<string, string> = {};
  for (const problem of sorted) errors[fieldId(problem.field)] ??= problemText(problem, translator);
  const summary = sorted.map((problem) => {
    const label = problemLabel(problem, translator);
    const text = errors[fieldId(problem.field)] ?? '';
    return { id: fieldId(problem.field), text: label ? `${label}: ${text}` : text };
  });

  function show(next: FieldProblem[], nextMessage: string | null) {
    setProblems(next);
    setMessage(nextMessage);
    if (next.some((p) => DETAIL_FIELDS.test(fieldId(p.field)))) setShowDetails(true);
    requestAnimationFrame(() => {
      const first = [...next].sort((a, b) => order(fieldId(a.field)) - order(fieldId(b.field)))[0];
      if (first) document.getElementById(fieldId(first.field))?.focus();
      else summaryRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = toReportInput(draft);
    const found = validateReport(input);
    if (found.length > 0) {
      show(found, null);
      return;
    }
    setBusy(true);
    setProblems([]);
    setMessage(null);
    try {
      const failure = await onSubmit(input, draft);
      if (failure) show(failure.problems, failure.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="kern-stack-lg zm-report-form"
      noValidate
      onSubmit={handleSubmit}
      {...(label ? { 'aria-label': label } : {})}
    >
      <div ref={summaryRef} className="kern-stack-sm">
        {summary.length > 0 ? (
          <ErrorSummary title={t('reports.form.checkInput')} items={summary} />
        ) : null}
        {message ? (
          <Alert variant="danger" title={t('reports.form.notSent')} role="alert">
            <p className="kern-body">{message}</p>
          </Alert>
        ) : null}
      </div>
      <TimeField draft={draft} update={update} errors={errors} />
      <CategoryChips draft={draft} update={update} errors={errors} />
      <LevelChoice draft={draft} update={update} errors={errors} />
      <PlaceFields draft={draft} update={update} errors={errors} canLocate={!correcting} />
      <details
        className="kern-accordion zm-accordion zm-details"
        open={showDetails}
        onToggle={(event) => setShowDetails(event.currentTarget.open)}
      >
        <summary className="kern-accordion__header">
          <span className="kern-title">{t('reports.form.details')}</span>
        </summary>
        <div className="kern-accordion__body kern-stack-lg">
          <p className="kern-body kern-body--small kern-body--muted">
            {t('reports.form.detailsHint')}
          </p>
          <DetailFields draft={draft} update={update} errors={errors} />
          <PersonFields
            persons={draft.persons}
            onChange={(persons) => update({ persons })}
            errors={errors}
            fixed={correcting}
          />
        </div>
      </details>
      {typeof before === 'function' ? before(errors) : before}
      <div className="zm-actions zm-report-actions">
        <Button
          type="submit"
          block
          className="zm-touch zm-submit"
          label={busy ? busyLabel : submitLabel}
          aria-disabled={busy || undefined}
        />
        {secondary}
      </div>
    </form>
  );
}
