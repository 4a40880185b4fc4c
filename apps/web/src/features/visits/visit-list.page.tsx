import type { VisitListResult } from '@zemag/contracts';
import { type ChangeEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../app/app-link';
import { usePage } from '../../app/use-page';
import { problemMessage } from '../../api/problem-message';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/checkbox-field';
import { ErrorSummary } from '../../ui/error-summary';
import { TextareaField } from '../../ui/textarea-field';
import { formatDateTime } from '../../ui/format';
import { readCsvFile } from '../../ui/csv-file';
import { asApiError, useResource } from '../../ui/use-resource';
import { useLookupApi } from '../lookup/lookup.api';
import { PurposeFields } from '../lookup/purpose-fields';
import {
  MAX_TEXT_LENGTH,
  VISIT_FIELDS,
  type VisitDraft,
  type VisitField,
  type VisitProblem,
  VISIT_LIST_MAX_ENTRIES,
  countLines,
  toVisitRequest,
  visitFailure,
  visitProblemText,
} from './visit-form.model';
import { type ShownLine, VisitLines } from './visit-lines';
import { type StoredVisitList, isExpired } from './visit-storage';
import { browserVisitStore } from './visit-store.browser';
import { useVisitsApi } from './visits.api';
import '../lookup/lookup.css';
import './visits.css';

const ID = 'visits-';

/** True while the browser believes it has a connection; follows the online/offline events. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The list kept on this device for the user, read again whenever the store changes. */
function useStoredList(ownerId: string | null) {
  const [stored, setStored] = useState<StoredVisitList | null>(null);
  const [ready, setReady] = useState(false);
  const reload = useCallback(() => {
    browserVisitStore()
      .load(ownerId)
      .catch(() => null)
      .then((list) => {
        setStored(list);
        setReady(true);
      });
  }, [ownerId]);
  useEffect(() => {
    reload();
    return browserVisitStore().subscribe(reload);
  }, [reload]);
  return { stored, ready };
}

/** What is shown: the answer just received, or the copy kept on the device. */
type Shown =
  | { source: 'fresh'; list: VisitListResult; kept: boolean }
  | { source: 'stored'; list: StoredVisitList };

/**
 * "Besuchsliste": the day's visits checked in one batch with one purpose, one answer card per
 * line. The answers may stay on the phone for the shift (encrypted, minimal), so the list is
 * there without a connection; they go at the deadline, at sign-out, or with one button.
 */
export function VisitListPage({
  ownerId,
  offlineStart = false,
}: {
  /** The signed-in user; null when the app started without reaching the server. */
  ownerId: string | null;
  /** The app could not load the session: show what is kept, ask nothing new. */
  offlineStart?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const heading = usePage(t('visits.title'));
  const browserOnline = useOnline();
  const online = browserOnline && !offlineStart && ownerId !== null;
  const lookupApi = useLookupApi();
  const visitsApi = useVisitsApi();
  const [reasons] = useResource(
    () => (online ? lookupApi.reasons() : Promise.resolve(undefined)),
    online ? 'online' : 'offline',
  );
  const { stored, ready } = useStoredList(ownerId);
  const [draft, setDraft] = useState<VisitDraft>({
    fileNumber: '',
    reason: '',
    text: '',
    // Kept on the phone only when asked: the default keeps nothing on the device.
    keep: false,
  });
  const [problems, setProblems] = useState<VisitProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fresh, setFresh] = useState<{ list: VisitListResult; kept: boolean } | null>(null);
  const [keepFailed, setKeepFailed] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // A fresh answer held in memory follows the same deadline as the stored copy.
  useEffect(() => {
    if (!fresh) return;
    const left = Date.parse(fresh.list.keepUntil) - Date.now();
    const timer = setTimeout(() => setFresh(null), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [fresh]);

  const shown: Shown | null =
    fresh && !isExpired(fresh.list.keepUntil, new Date())
      ? { source: 'fresh', ...fresh }
      : stored
        ? { source: 'stored', list: stored }
        : null;

  const errors: Partial<Record<VisitField, string>> = {};
  for (const problem of problems) errors[problem.field] ??= visitProblemText(problem, translator);
  const summary = VISIT_FIELDS.flatMap((field) =>
    errors[field]
      ? [{ id: `${ID}${field}`, text: `${t(`visits.fields.${field}`)}: ${errors[field]}` }]
      : [],
  );

  function update(patch: Partial<VisitDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    const touched = Object.keys(patch);
    setProblems((current) => current.filter((p) => !touched.includes(p.field)));
  }

  function show(next: VisitProblem[], nextMessage: string | null) {
    setProblems(next);
    setMessage(nextMessage);
    requestAnimationFrame(() => {
      const first = VISIT_FIELDS.find((field) => next.some((p) => p.field === field));
      if (first) document.getElementById(`${ID}${first}`)?.focus();
      else summaryRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    });
  }

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileNote(null);
    setFileError(null);
    if (!file) return;
    const read = await readCsvFile(file);
    if (!read.ok || read.text.length > MAX_TEXT_LENGTH) {
      setFileError(t(`visits.file.${read.ok ? 'too_large' : read.reason}`));
      return;
    }
    update({ text: read.text });
    setFileNote(t('visits.file.read', { name: file.name, count: countLines(read.text) }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !ownerId) return;
    const built = toVisitRequest(draft);
    if (!built.request) {
      show(built.problems, null);
      return;
    }
    setBusy(true);
    setProblems([]);
    setMessage(null);
    setKeepFailed(false);
    try {
      const list = await visitsApi.check(built.request);
      let kept = false;
      if (draft.keep) {
        kept = await browserVisitStore()
          .save(ownerId, list)
          .then(() => true)
          .catch(() => false);
        setKeepFailed(!kept);
      } else {
        // Asked not to keep: an older list of the day is not left behind either.
        await browserVisitStore()
          .wipe()
          .catch(() => undefined);
      }
      setFresh({ list, kept });
      requestAnimationFrame(() => {
        // The answer's heading at the top of the screen (on a phone it is below the form).
        resultHeading.current?.focus({ preventScroll: true });
        resultHeading.current?.scrollIntoView({ block: 'start' });
      });
    } catch (error) {
      const failure = visitFailure(asApiError(error), translator);
      show(failure.problems, failure.message);
    } finally {
      setBusy(false);
    }
  }

  async function deleteNow() {
    setFresh(null);
    await browserVisitStore()
      .wipe()
      .catch(() => undefined);
    requestAnimationFrame(() => heading.current?.focus());
  }

  const kept = shown?.source === 'stored' || (shown?.source === 'fresh' && shown.kept);
  const lines: readonly ShownLine[] = shown ? shown.list.lines : [];

  return (
    <div className="zm-lookup zm-visits kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large" tabIndex={-1} ref={heading}>
          {t('visits.title')}
        </h1>
        <p className="kern-body">{t('visits.intro')}</p>
        {online ? (
          <p className="kern-body">
            <AppLink href="/lookup" className="kern-link zm-touch-link">
              {t('visits.lookupLink')}
            </AppLink>
          </p>
        ) : null}
      </div>
      {!online ? (
        <Alert variant="warning" title={t('visits.offline.title')} role="status">
          <p className="kern-body">
            {stored ? t('visits.offline.stored') : ready ? t('visits.offline.none') : null}
          </p>
        </Alert>
      ) : null}
      {online && reasons.status === 'error' ? (
        <Alert variant="danger" title={problemMessage(reasons.error, translator)} role="alert" />
      ) : null}
      <div className="zm-lookup__layout">
        {online ? (
          <form
            className="zm-lookup-form kern-stack-lg"
            noValidate
            onSubmit={(e) => void handleSubmit(e)}
          >
            <div ref={summaryRef} tabIndex={-1} className="zm-summary">
              {summary.length > 0 ? (
                <ErrorSummary title={t('visits.form.errorTitle')} items={summary} />
              ) : message ? (
                <Alert variant="danger" title={message} role="alert" />
              ) : null}
            </div>
            <PurposeFields
              idPrefix={ID}
              value={draft}
              reasons={reasons.data}
              errors={errors}
              onChange={update}
            />
            <fieldset className="kern-fieldset zm-lookup-group">
              <legend className="kern-label kern-label--large">{t('visits.form.entries')}</legend>
              <div className="kern-fieldset__body zm-lookup-fields">
                <TextareaField
                  id={`${ID}text`}
                  label={t('visits.fields.text')}
                  hint={t('visits.form.textHint', { max: VISIT_LIST_MAX_ENTRIES })}
                  value={draft.text}
                  error={errors.text}
                  onValueChange={(text) => update({ text })}
                  rows={8}
                  autoComplete="off"
                  spellCheck={false}
                />
                <div className={`kern-form-input${fileError ? ' kern-form-input--error' : ''}`}>
                  <label className="kern-label" htmlFor={`${ID}file`}>
                    {t('visits.file.label')}
                  </label>
                  <div className="kern-hint" id={`${ID}file-hint`}>
                    {t('visits.file.hint')}
                  </div>
                  <input
                    id={`${ID}file`}
                    name={`${ID}file`}
                    type="file"
                    accept=".csv,.txt,text/csv,text/plain"
                    className="zm-file-input zm-visits-file"
                    aria-describedby={`${ID}file-hint${fileError ? ` ${ID}file-error` : ''}`}
                    aria-invalid={fileError ? true : undefined}
                    onChange={(event) => void pickFile(event)}
                  />
                  {fileError ? (
                    <p className="kern-error" id={`${ID}file-error`}>
                      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
                      <span className="kern-body">{fileError}</span>
                    </p>
                  ) : null}
                  {fileNote ? (
                    <p className="kern-body" role="status">
                      {fileNote}
                    </p>
                  ) : null}
                </div>
                <CheckboxField
                  id={`${ID}keep`}
                  label={t('visits.form.keep')}
                  hint={t('visits.form.keepHint')}
                  checked={draft.keep}
                  onCheckedChange={(keep) => update({ keep })}
                />
              </div>
            </fieldset>
            <Button
              type="submit"
              label={busy ? t('visits.form.checking') : t('visits.form.submit')}
              icon="checklist"
              className="zm-lookup-submit"
              aria-disabled={busy || undefined}
            />
          </form>
        ) : null}
        <section className="zm-lookup__answer kern-stack-md" aria-labelledby="visits-result-title">
          <h2
            className="kern-heading-medium"
            id="visits-result-title"
            tabIndex={-1}
            ref={resultHeading}
          >
            {t('visits.result.title')}
          </h2>
          {shown ? (
            <>
              <div className="zm-visit-meta" data-testid="visit-meta">
                <p className="kern-body zm-visit-meta__line">
                  {kept
                    ? t('visits.result.asOfKept', {
                        createdAt: formatDateTime(shown.list.createdAt, i18n.language),
                        keepUntil: formatDateTime(shown.list.keepUntil, i18n.language),
                      })
                    : t('visits.result.asOf', {
                        createdAt: formatDateTime(shown.list.createdAt, i18n.language),
                      })}
                </p>
                <p className="kern-body kern-body--small">
                  {t('visits.result.purpose', { fileNumber: shown.list.purpose.fileNumber })}
                </p>
                {keepFailed ? (
                  <Alert variant="warning" title={t('visits.result.keepFailed')} role="status" />
                ) : null}
                {kept ? (
                  <Button
                    variant="secondary"
                    icon="delete"
                    label={t('visits.result.delete')}
                    onClick={() => void deleteNow()}
                  />
                ) : null}
              </div>
              <VisitLines lines={lines} />
            </>
          ) : (
            <p className="kern-body kern-body--muted">
              {online ? t('visits.result.empty') : t('visits.offline.none')}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
