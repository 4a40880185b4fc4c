import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentSummary,
  type Listing,
} from '@zemag/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../i18n/use-translator';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { DateField } from '../../ui/date-field';
import { TextareaField } from '../../ui/textarea-field';
import { FailureAlert } from '../../ui/failure-alert';
import { type FormFailure, formFailure } from '../../ui/form-failure';
import { formatDateTime } from '../../ui/format';
import { asApiError, useResource } from '../../ui/use-resource';
import { CheckGroup } from '../review/check-group';
import { useCategoryNames } from '../review/review-badges';
import { useReviewApi } from '../review/review.api';
import {
  type ProposalForm,
  groundDefaults,
  proposalFromForm,
  proposalProblems,
  renameFieldErrors,
  toggle,
} from '../review/review.model';

const FIELDS = [
  'incidentIds',
  'level',
  'categories',
  'precautions',
  'precautionsText',
  'validUntil',
  'reason',
  'personId',
] as const;
type Field = (typeof FIELDS)[number];
const ID = 'proposal-';
const LISTABLE = INCIDENT_CATEGORIES.filter((c) => c !== 'insult');

/** `precautions.1` → `precautions`: one message for the group. */
const groupOf = (field: string) => field.replace(/\.\d+$/, '');

/**
 * Proposes a listing on this person's confirmed reports. Level, categories and valid-until
 * default from the grounds on the server; a refusal is shown at the field it concerns.
 */
export function ListingProposalForm({
  personId,
  grounds,
  onProposed,
  onCancel,
}: {
  personId: string;
  /** The person's confirmed reports. */
  grounds: readonly IncidentSummary[];
  onProposed(listing: Listing): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const review = useReviewApi();
  const categoryNames = useCategoryNames();
  const [catalogue] = useResource(() => review.precautions(), 'precautions');
  const [form, setForm] = useState<ProposalForm>(() => ({
    incidentIds: grounds.map((g) => g.id),
    level: 'auto',
    categories: null,
    precautions: [],
    precautionsText: '',
    validUntil: '',
    reason: '',
  }));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const chosen = grounds.filter((g) => form.incidentIds.includes(g.id));
  const defaults = groundDefaults(chosen);
  const precautions = catalogue.data ?? [];
  const language = i18n.language.startsWith('en') ? 'en' : 'de';
  const labels: Partial<Record<Field, string>> = {
    incidentIds: t('review.proposal.grounds'),
    level: t('review.proposal.level'),
    categories: t('review.proposal.categories'),
    precautions: t('review.proposal.precautions'),
    precautionsText: t('review.proposal.precautionsText'),
    validUntil: t('review.proposal.validUntil'),
    reason: t('review.proposal.reason'),
    personId: t('review.proposal.person'),
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = proposalProblems(form);
    if (problems.length > 0) {
      const byField = Object.fromEntries(
        problems.map((field) => [field, t(`review.proposal.problem.${field}`)]),
      ) as Partial<Record<Field, string>>;
      setFailure({
        byField,
        summary: problems.map((field) => ({
          id: `${ID}${field}`,
          text: `${labels[field]}: ${byField[field]}`,
        })),
        message: '',
      });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onProposed(await review.propose(proposalFromForm(personId, form)));
    } catch (error) {
      setFailure(
        formFailure(renameFieldErrors(asApiError(error), groupOf), FIELDS, translator, {
          idPrefix: ID,
          labels,
        }),
      );
      setBusy(false);
    }
  }

  const categories = form.categories ?? defaults.categories;
  return (
    <form className="kern-stack-lg" noValidate onSubmit={submit} data-testid="proposal-form">
      <FailureAlert failure={failure} />
      {failure?.byField.personId ? (
        <p className="kern-error" id={`${ID}personId`} tabIndex={-1}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{failure.byField.personId}</span>
        </p>
      ) : null}
      <CheckGroup
        id={`${ID}incidentIds`}
        legend={labels.incidentIds!}
        hint={t('review.proposal.groundsHint')}
        error={failure?.byField.incidentIds}
        options={grounds.map((g) => ({
          value: g.id,
          label: `${g.reference} – ${t('review.level.short', { level: g.level })}, ${categoryNames(g.categories)}`,
          hint: formatDateTime(g.occurredAt, i18n.language),
        }))}
        values={form.incidentIds}
        onChange={(value, on) =>
          setForm((f) => ({
            ...f,
            incidentIds: toggle(
              f.incidentIds,
              value,
              on,
              grounds.map((g) => g.id),
            ),
          }))
        }
      />
      <SelectField
        id={`${ID}level`}
        label={labels.level!}
        hint={t('review.proposal.levelHint')}
        error={failure?.byField.level}
        value={form.level}
        onValueChange={(value) => setForm((f) => ({ ...f, level: value as ProposalForm['level'] }))}
        options={[
          {
            value: 'auto',
            label:
              defaults.level === null
                ? t('review.proposal.levelAutoNone')
                : t('review.proposal.levelAuto', { level: defaults.level }),
          },
          {
            value: '2',
            label: t('review.level.badge', { level: 2, name: t('review.level.name.2') }),
          },
          {
            value: '3',
            label: t('review.level.badge', { level: 3, name: t('review.level.name.3') }),
          },
        ]}
      />
      <CheckGroup
        id={`${ID}categories`}
        legend={labels.categories!}
        hint={
          form.categories === null
            ? t('review.proposal.categoriesAuto')
            : t('review.proposal.categoriesChosen')
        }
        error={failure?.byField.categories}
        columns={2}
        options={LISTABLE.map((c) => ({ value: c, label: t(`review.category.${c}`) }))}
        values={categories}
        onChange={(value, on) =>
          setForm((f) => ({
            ...f,
            categories: toggle<IncidentCategory>(
              f.categories ?? defaults.categories,
              value,
              on,
              LISTABLE,
            ),
          }))
        }
      />
      <CheckGroup
        id={`${ID}precautions`}
        legend={labels.precautions!}
        hint={t('review.proposal.precautionsHint')}
        error={failure?.byField.precautions}
        columns={2}
        options={precautions.map((p) => ({ value: p.code, label: p[language] }))}
        values={form.precautions}
        onChange={(value, on) =>
          setForm((f) => ({
            ...f,
            precautions: toggle(
              f.precautions,
              value,
              on,
              precautions.map((p) => p.code),
            ),
          }))
        }
      />
      <TextareaField
        id={`${ID}precautionsText`}
        label={labels.precautionsText!}
        hint={t('review.proposal.precautionsTextHint')}
        error={failure?.byField.precautionsText}
        maxLength={2000}
        value={form.precautionsText}
        onValueChange={(value) => setForm((f) => ({ ...f, precautionsText: value }))}
      />
      <DateField
        id={`${ID}validUntil`}
        label={labels.validUntil!}
        hint={t('review.proposal.validUntilHint')}
        error={failure?.byField.validUntil}
        value={form.validUntil}
        onValueChange={(value) => setForm((f) => ({ ...f, validUntil: value }))}
      />
      <TextareaField
        id={`${ID}reason`}
        label={labels.reason!}
        hint={t('review.proposal.reasonHint')}
        error={failure?.byField.reason}
        required
        maxLength={2000}
        value={form.reason}
        onValueChange={(value) => setForm((f) => ({ ...f, reason: value }))}
      />
      <div className="zm-actions">
        <Button
          type="submit"
          label={busy ? t('admin.common.working') : t('review.proposal.submit')}
          aria-disabled={busy || undefined}
        />
        <Button variant="secondary" label={t('admin.common.cancel')} onClick={onCancel} />
      </div>
    </form>
  );
}
