import type { InputHTMLAttributes, Ref } from 'react';

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'onChange'
> {
  id: string;
  label: string;
  hint?: string;
  /** Shown under the field; also marks the field invalid for assistive technology. */
  error?: string | undefined;
  value: string;
  onValueChange(value: string): void;
  ref?: Ref<HTMLInputElement>;
}

/** A KERN text input with label, optional hint and an error message bound to the field. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  ref,
  ...inputProps
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <input
        {...inputProps}
        ref={ref}
        id={id}
        name={id}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
    </div>
  );
}
