import { AACHEN_LEVELS, INCIDENT_CATEGORIES, type IncidentCategory } from '@zemag/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/select-field';
import { CheckGroup } from './check-group';

/** Level and categories the registrar sets when confirming a report that has none. */
export interface Classification {
  /** `''` until chosen, else `0`–`3`. */
  level: string;
  categories: IncidentCategory[];
}

export const emptyClassification = (): Classification => ({ level: '', categories: [] });

/** The problems that keep the classification from a confirmation, by field. */
export function classificationProblems(c: Classification): { level?: true; categories?: true } {
  return {
    ...(c.level === '' ? { level: true as const } : {}),
    ...(c.categories.length === 0 ? { categories: true as const } : {}),
  };
}

/**
 * A one-tap report comes without level and category: the review decides them. Shown above the
 * decisions; the confirmation sends what is chosen here.
 */
export function ConfirmClassification({
  value,
  onChange,
  errors,
}: {
  value: Classification;
  onChange(next: Classification): void;
  errors: { level?: true; categories?: true };
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="kern-fieldset zm-fieldset kern-stack-md">
      <legend className="kern-label">{t('review.detail.classifyTitle')}</legend>
      <SelectField
        id="confirm-level"
        label={t('review.detail.classifyLevel')}
        value={value.level}
        error={errors.level ? t('review.detail.classifyLevelMissing') : undefined}
        options={[
          { value: '', label: t('review.detail.classifyLevelChoose') },
          ...AACHEN_LEVELS.map((level) => ({
            value: String(level),
            label: t('review.level.badge', { level, name: t(`review.level.name.${level}`) }),
          })),
        ]}
        onValueChange={(level) => onChange({ ...value, level })}
      />
      <CheckGroup
        id="confirm-categories"
        legend={t('review.detail.classifyCategories')}
        error={errors.categories ? t('review.detail.classifyCategoriesMissing') : undefined}
        options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`review.category.${c}`) }))}
        values={value.categories}
        onChange={(category, on) =>
          onChange({
            ...value,
            categories: on
              ? [...value.categories, category]
              : value.categories.filter((c) => c !== category),
          })
        }
      />
    </fieldset>
  );
}
