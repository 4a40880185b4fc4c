import type { LookupReason, LookupRequest } from '@zemag/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/text-field';
import { DateField } from '../../ui/date-field';
import { localToday } from '../../ui/format';
import {
  LOOKUP_FIELDS,
  type LookupDraft,
  type LookupField,
  type LookupProblem,
  emptyLookupDraft,
  problemText,
  toLookupRequest,
} from './lookup-form.model';
import { PurposeFields } from './purpose-fields';

const ID = 'lookup-';

/** What the page answers after sending: nothing (done), or problems to show. */
export interface LookupFailure {
  problems: LookupProblem[];
  message: string | null;
}

/**
 * The look-up form: purpose (mandatory), person, address. Large fields for one thumb; nothing
 * typed is remembered by the browser (autocomplete off) or put in the address bar.
 */
export function LookupForm({
  reasons,
  onSubmit,
  onClear,
}: {
  reasons: readonly LookupReason[] | undefined;
  onSubmit(request: LookupRequest): Promise<LookupFailure | null>;
  /** A new look-up begins: the last answer goes. */
  onClear(): void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const [draft, setDraft] = useState<LookupDraft>(emptyLookupDraft);
  const [problems, setProblems] = useState<LookupProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const errors: Partial<Record<LookupField, string>> = {};
  for (const problem of problems) errors[problem.field] ??= problemText(problem, translator);
  const summary = LOOKUP_FIELDS.flatMap((field) =>
    errors[field]
      ? [{ id: `${ID}${field}`, text: `${t(`lookup.fields.${field}`)}: ${errors[field]}` }]
      : [],
  );

  function update(patch: Partial<LookupDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    const touched = Object.keys(patch);
    // A "name or street" message belongs to both fields: either one clears it.
    setProblems((current) =>
      current.filter(
        (p) =>
          !touched.includes(p.field) &&
          !(p.code === 'name_or_street' && touched.includes('street')),
      ),
    );
  }

  function show(next: LookupProblem[], nextMessage: string | null) {
    setProblems(next);
    setMessage(nextMessage);
    requestAnimationFrame(() => {
      const first = LOOKUP_FIELDS.find((field) => next.some((p) => p.field === field));
      if (first) document.getElementById(`${ID}${first}`)?.focus();
      else summaryRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const built = toLookupRequest(draft, localToday());
    if (!built.request) {
      show(built.problems, null);
      return;
    }
    setBusy(true);
    setProblems([]);
    setMessage(null);
    try {
      const failure = await onSubmit(built.request);
      if (failure) show(failure.problems, failure.message);
    } finally {
      setBusy(false);
    }
  }

  function clearPerson() {
    // The purpose stays: the next look-up is usually for the same file.
    setDraft((current) => ({
      ...emptyLookupDraft(),
      fileNumber: current.fileNumber,
      reason: current.reason,
    }));
    setProblems([]);
    setMessage(null);
    onClear();
    requestAnimationFrame(() => document.getElementById(`${ID}familyName`)?.focus());
  }

  const field = (name: Exclude<LookupField, 'fileNumber' | 'reason'>, extra = {}) => (
    <TextField
      id={`${ID}${name}`}
      label={t(`lookup.fields.${name}`)}
      value={draft[name]}
      error={errors[name]}
      onValueChange={(value) => update({ [name]: value })}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      {...extra}
    />
  );

  return (
    <form
      className="zm-lookup-form kern-stack-lg"
      noValidate
      onSubmit={(e) => void handleSubmit(e)}
    >
      <div ref={summaryRef} tabIndex={-1} className="zm-summary">
        {summary.length > 0 ? (
          <ErrorSummary title={t('lookup.form.errorTitle')} items={summary} />
        ) : message ? (
          <Alert variant="danger" title={message} role="alert" />
        ) : null}
      </div>
      <PurposeFields
        idPrefix={ID}
        value={draft}
        reasons={reasons}
        errors={errors}
        onChange={update}
      />
      <fieldset className="kern-fieldset zm-lookup-group">
        <legend className="kern-label kern-label--large">{t('lookup.form.person')}</legend>
        <div className="kern-fieldset__body zm-lookup-fields">
          {field('familyName', { hint: t('lookup.form.familyNameHint') })}
          {field('givenNames')}
          <DateField
            id={`${ID}dateOfBirth`}
            label={t('lookup.fields.dateOfBirth')}
            value={draft.dateOfBirth}
            error={errors.dateOfBirth}
            onValueChange={(dateOfBirth) => update({ dateOfBirth })}
            partial
          />
        </div>
      </fieldset>
      <fieldset className="kern-fieldset zm-lookup-group">
        <legend className="kern-label kern-label--large">{t('lookup.form.address')}</legend>
        <div className="kern-fieldset__body">
          <div className="zm-lookup-address">
            <div className="zm-lookup-address__street">{field('street')}</div>
            <div>{field('houseNumber', { maxLength: 20 })}</div>
            <div>{field('postalCode', { inputMode: 'numeric', maxLength: 5 })}</div>
            <div className="zm-lookup-address__city">{field('city')}</div>
          </div>
        </div>
      </fieldset>
      <div className="zm-actions zm-actions--stack">
        <Button
          type="submit"
          label={busy ? t('lookup.form.searching') : t('lookup.form.submit')}
          icon="search"
          className="zm-lookup-submit"
          aria-disabled={busy || undefined}
        />
        <Button variant="tertiary" label={t('lookup.form.clear')} onClick={clearPerson} />
      </div>
    </form>
  );
}
