import { CheckboxField } from '../../ui/checkbox-field';

/** A group of checkboxes with a legend, a hint and one error for the group. */
export function CheckGroup<T extends string>({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
  columns = 1,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: T; label: string; hint?: string }[];
  values: readonly T[];
  onChange(value: T, on: boolean): void;
  columns?: 1 | 2;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`kern-fieldset zm-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="kern-label">{legend}</legend>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
      <div className={`zm-checks${columns === 2 ? ' zm-checks--two' : ''}`}>
        {options.map((option, index) => (
          <CheckboxField
            key={option.value}
            id={index === 0 ? id : `${id}-${option.value}`}
            label={option.label}
            {...(option.hint ? { hint: option.hint } : {})}
            checked={values.includes(option.value)}
            onCheckedChange={(on) => onChange(option.value, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}
