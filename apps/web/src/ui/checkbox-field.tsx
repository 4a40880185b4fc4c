/** A KERN checkbox with its label beside it and an optional hint. */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onCheckedChange,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="kern-form-check">
      <input
        className="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        aria-describedby={hintId}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint zm-check-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
