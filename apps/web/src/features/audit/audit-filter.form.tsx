import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { DateField } from '../../ui/date-field';
import { FailureAlert } from '../../ui/failure-alert';
import type { FormFailure } from '../../ui/form-failure';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { ACTION_FILTERS } from './audit-actions';
import type { AuditFilterDraft, AuditFilterField } from './audit-filter';

export const AUDIT_ID = 'audit-';

/**
 * Time, action, department, purpose and person; the user comes from the results ("entries of
 * this user") and is shown here with a way to drop it. Nothing typed is kept by the browser.
 */
export function AuditFilterForm({
  draft,
  failure,
  onChange,
  onSearch,
  onReset,
}: {
  draft: AuditFilterDraft;
  failure: FormFailure<AuditFilterField> | null;
  onChange(draft: AuditFilterDraft): void;
  onSearch(): void;
  onReset(): void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof AuditFilterDraft>(key: K, value: AuditFilterDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const error = (field: AuditFilterField) => failure?.byField[field];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch();
  }

  return (
    <form
      className="kern-stack-md"
      role="search"
      aria-label={t('audit.filter.label')}
      noValidate
      onSubmit={submit}
      data-testid="audit-filter"
    >
      <FailureAlert failure={failure} />
      {draft.user ? (
        <div className="zm-audit-user" id={`${AUDIT_ID}user`} tabIndex={-1}>
          <p className="kern-body">
            <span className="kern-label">{t('audit.filter.user')}: </span>
            <strong>{draft.user.name}</strong>
          </p>
          <Button
            variant="tertiary"
            icon="close"
            label={t('audit.filter.dropUser')}
            onClick={() => {
              set('user', null);
              // The button goes with the filter: focus moves on to the first field.
              requestAnimationFrame(() => document.getElementById(`${AUDIT_ID}from`)?.focus());
            }}
          />
          {error('user') ? (
            <p className="kern-error">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{error('user')}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="zm-audit-filter">
        <DateField
          id={`${AUDIT_ID}from`}
          label={t('audit.filter.from')}
          value={draft.from}
          onValueChange={(value) => set('from', value)}
          error={error('from')}
        />
        <DateField
          id={`${AUDIT_ID}to`}
          label={t('audit.filter.to')}
          value={draft.to}
          onValueChange={(value) => set('to', value)}
          error={error('to')}
        />
        <SelectField
          id={`${AUDIT_ID}action`}
          label={t('audit.filter.action')}
          options={ACTION_FILTERS.map((option) => ({
            value: option.value,
            label: t(`audit.actionFilter.${option.key}`),
          }))}
          value={draft.action}
          onValueChange={(value) => set('action', value)}
          error={error('action')}
        />
        <TextField
          id={`${AUDIT_ID}department`}
          label={t('audit.filter.department')}
          hint={t('audit.filter.departmentHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          value={draft.department}
          onValueChange={(value) => set('department', value)}
          error={error('department')}
        />
        <TextField
          id={`${AUDIT_ID}purpose`}
          label={t('audit.filter.purpose')}
          hint={t('audit.filter.purposeHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={draft.purpose}
          onValueChange={(value) => set('purpose', value)}
          error={error('purpose')}
        />
        <TextField
          id={`${AUDIT_ID}person`}
          label={t('audit.filter.person')}
          hint={t('audit.filter.personHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={draft.person}
          onValueChange={(value) => set('person', value)}
          error={error('person')}
        />
      </div>
      <div className="zm-actions">
        <Button type="submit" icon="search" label={t('audit.filter.search')} />
        <Button variant="tertiary" label={t('audit.filter.reset')} onClick={onReset} />
      </div>
    </form>
  );
}
