import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, fieldDescription } from './field-parts';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'className' | 'onChange' | 'value'
> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly SelectOption[];
  value: string;
  onValueChange(value: string): void;
  ref?: Ref<HTMLSelectElement>;
}

/** A KERN select with label, optional hint and an error message bound to the field. */
export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  value,
  onValueChange,
  ref,
  ...rest
}: SelectFieldProps) {
  const { describedBy } = fieldDescription(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <div className="kern-form-input__select-wrapper">
        <select
          {...rest}
          ref={ref}
          id={id}
          name={id}
          className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}
