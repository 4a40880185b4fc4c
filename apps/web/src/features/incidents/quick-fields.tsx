import {
  AACHEN_LEVELS,
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  proposedLevel,
} from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/text-field';
import type { DraftUpdate } from './place-fields';
import { type ReportDraft, toLocalInput } from './report-form.model';

type Errors = Readonly<Record<string, string>>;

function ErrorLine({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
      <span className="kern-body">{text}</span>
    </p>
  );
}

/** When it happened; now by default. */
export function TimeField({
  draft,
  update,
  errors,
}: {
  draft: ReportDraft;
  update: DraftUpdate;
  errors: Errors;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      id="report-occurredAt"
      type="datetime-local"
      label={t('reports.fields.occurredAt')}
      hint={t('reports.form.occurredAtHint')}
      required
      max={toLocalInput(new Date())}
      value={draft.occurredAt}
      onValueChange={(occurredAt) => update({ occurredAt })}
      error={errors['report-occurredAt']}
    />
  );
}

/** What happened: large toggle chips; the level follows them until the reporter picks one. */
export function CategoryChips({
  draft,
  update,
  errors,
}: {
  draft: ReportDraft;
  update: DraftUpdate;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const error = errors['report-categories'];

  function toggle(category: IncidentCategory, on: boolean) {
    const categories = INCIDENT_CATEGORIES.filter((c) =>
      c === category ? on : draft.categories.includes(c),
    );
    update({
      categories,
      ...(draft.levelChosen ? {} : { level: proposedLevel(categories) }),
    });
  }

  return (
    <fieldset
      className={`kern-fieldset zm-report-group${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={error ? 'report-categories-error' : undefined}
    >
      <legend className="kern-label">{t('reports.form.categories')}</legend>
      <div className="kern-hint">{t('reports.form.categoriesHint')}</div>
      <div className="zm-chips">
        {INCIDENT_CATEGORIES.map((category, index) => {
          const checked = draft.categories.includes(category);
          return (
            <label key={category} className={`zm-chip${checked ? ' zm-chip--on' : ''}`}>
              <input
                type="checkbox"
                className="zm-chip__input"
                id={index === 0 ? 'report-categories' : `report-categories-${category}`}
                name="categories"
                value={category}
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(category, event.target.checked)}
              />
              <span
                className={`kern-icon kern-icon--${checked ? 'check' : 'add'} zm-chip__icon`}
                aria-hidden="true"
              />
              <span className="zm-chip__label">{t(`reports.category.${category}`)}</span>
            </label>
          );
        })}
      </div>
      <ErrorLine id="report-categories-error" text={error} />
    </fieldset>
  );
}

/** The Aachener level, proposed from the categories, each explained in plain words. */
export function LevelChoice({
  draft,
  update,
  errors,
}: {
  draft: ReportDraft;
  update: DraftUpdate;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const proposed = proposedLevel(draft.categories);
  const error = errors['report-level'];
  return (
    <fieldset className={`kern-fieldset zm-report-group${error ? ' kern-fieldset--error' : ''}`}>
      <legend className="kern-label">{t('reports.fields.level')}</legend>
      <div className="kern-hint">
        {draft.categories.length === 0
          ? t('reports.form.levelHintEmpty')
          : t('reports.form.levelHint', { level: proposed })}
      </div>
      <div className="zm-levels">
        {AACHEN_LEVELS.map((level) => (
          <label
            key={level}
            className={`zm-level-option zm-level-option--${level}${
              draft.level === level ? ' zm-level-option--on' : ''
            }`}
          >
            <input
              type="radio"
              className="kern-form-check__radio"
              name="level"
              id={level === 0 ? 'report-level' : `report-level-${level}`}
              value={level}
              checked={draft.level === level}
              onChange={() => update({ level, levelChosen: true })}
            />
            <span className="zm-level-option__text">
              <span className="zm-level-option__title">
                {t('reports.level.badge', { level, name: t(`reports.level.name.${level}`) })}
                {level === proposed && draft.categories.length > 0 ? (
                  <span className="zm-level-option__proposed">
                    {' '}
                    {t('reports.form.levelProposed')}
                  </span>
                ) : null}
              </span>
              <span className="zm-level-option__explain">
                {t(`reports.level.explain.${level}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      <ErrorLine id="report-level-error" text={error} />
    </fieldset>
  );
}
