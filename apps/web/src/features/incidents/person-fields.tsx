import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { DateField } from '../../ui/date-field';
import { TextField } from '../../ui/text-field';
import { TextareaField } from '../../ui/textarea-field';
import { AddressInputs } from './place-fields';
import { type PersonDraft, emptyPerson } from './report-form.model';

type Errors = Readonly<Record<string, string>>;

/** At most this many persons per report (the contract's limit). */
const MAX_PERSONS = 10;

/** The persons involved: a name, a (partial) date of birth, an address, or a description. */
export function PersonFields({
  persons,
  onChange,
  errors,
  fixed = false,
}: {
  persons: PersonDraft[];
  onChange(persons: PersonDraft[]): void;
  errors: Errors;
  /** The same persons stay (a correction changes their data): no adding or removing. */
  fixed?: boolean;
}) {
  const { t } = useTranslation();
  if (fixed && persons.length === 0) return null;

  function change(index: number, patch: Partial<PersonDraft>) {
    onChange(persons.map((person, i) => (i === index ? { ...person, ...patch } : person)));
  }

  function add() {
    onChange([...persons, emptyPerson()]);
    // Move on to the new person's first field once it is on the page.
    requestAnimationFrame(() =>
      document.getElementById(`report-persons-${persons.length}-familyName`)?.focus(),
    );
  }

  function remove(index: number) {
    onChange(persons.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById('report-persons-add')?.focus());
  }

  return (
    <section className="kern-stack-md" aria-labelledby="report-persons-title">
      <div className="kern-stack-xs">
        <h3 className="kern-heading-small" id="report-persons-title">
          {t('reports.person.sectionTitle')}
        </h3>
        <p className="kern-body kern-body--small kern-body--muted">{t('reports.person.intro')}</p>
      </div>
      {persons.map((person, index) => (
        <PersonCard
          key={person.key}
          index={index}
          person={person}
          errors={errors}
          onChange={(patch) => change(index, patch)}
          onRemove={fixed ? null : () => remove(index)}
        />
      ))}
      {!fixed && persons.length < MAX_PERSONS ? (
        <Button
          id="report-persons-add"
          variant="secondary"
          icon="add"
          label={t('reports.person.add')}
          onClick={add}
        />
      ) : null}
    </section>
  );
}

function PersonCard({
  index,
  person,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  person: PersonDraft;
  errors: Errors;
  onChange(patch: Partial<PersonDraft>): void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `report-persons-${index}-${field}`;
  const title = t('reports.person.title', { n: index + 1 });
  return (
    <fieldset className="kern-fieldset zm-person">
      <legend className="kern-label zm-person__legend">{title}</legend>
      <div className="kern-fieldset__body">
        <div className="zm-form-grid zm-form-grid--2">
          <TextField
            id={id('familyName')}
            label={t('reports.fields.persons.familyName')}
            autoComplete="off"
            maxLength={100}
            value={person.familyName}
            onValueChange={(familyName) => onChange({ familyName })}
            error={errors[id('familyName')]}
          />
          <TextField
            id={id('givenNames')}
            label={t('reports.fields.persons.givenNames')}
            autoComplete="off"
            maxLength={100}
            value={person.givenNames}
            onValueChange={(givenNames) => onChange({ givenNames })}
            error={errors[id('givenNames')]}
          />
        </div>
        <DateField
          id={id('dateOfBirth')}
          label={t('reports.fields.persons.dateOfBirth')}
          hint={t('reports.person.dateOfBirthHint')}
          value={person.dateOfBirth}
          onValueChange={(dateOfBirth) => onChange({ dateOfBirth })}
          error={errors[id('dateOfBirth')]}
          partial
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('reports.person.address')}</legend>
          <div className="kern-fieldset__body">
            <AddressInputs
              idPrefix={`${id('address')}-`}
              value={person}
              onChange={onChange}
              errors={errors}
            />
          </div>
        </fieldset>
        <TextareaField
          id={id('description')}
          label={t('reports.fields.persons.description')}
          hint={t('reports.person.descriptionHint')}
          maxLength={1000}
          value={person.description}
          onValueChange={(description) => onChange({ description })}
          error={errors[id('description')]}
        />
        {onRemove ? (
          <div>
            <Button
              variant="tertiary"
              icon="delete"
              label={t('reports.person.remove', { n: index + 1 })}
              onClick={onRemove}
            />
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
