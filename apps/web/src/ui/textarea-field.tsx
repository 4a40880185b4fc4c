import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, fieldDescription } from './field-parts';

interface TextareaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className' | 'onChange' | 'value'
> {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValueChange(value: string): void;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A KERN multi-line text input with label, optional hint and error. */
export function TextareaField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  ref,
  ...rest
}: TextareaFieldProps) {
  const { describedBy } = fieldDescription(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        rows={3}
        {...rest}
        ref={ref}
        id={id}
        name={id}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}
