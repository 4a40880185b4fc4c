import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateText, isIsoDate, parseDateText } from './date-text';
import { TextField } from './text-field';

interface DateFieldProps {
  id: string;
  label: string;
  /** Said before the format (`TT.MM.JJJJ, z. B. 14.03.1978`), which the field adds itself. */
  hint?: string | undefined;
  error?: string | undefined;
  /** ISO (`1978-03-14`; with `partial` also `1978-03`, `1978`), or `''`. */
  value: string;
  /**
   * The typed date as ISO, `''` when empty, or the text as typed when it is no date, so that the
   * server names the field in its refusal.
   */
  onValueChange(value: string): void;
  /** Month and year or the year alone are accepted too (dates of birth). */
  partial?: boolean;
  required?: boolean;
}

/**
 * The app's one date input: a text field that takes `14.03.1978`, `1.3.1978` and ISO, shows the
 * date the German way, and hands the form ISO. A text field rather than `type="date"`: the
 * browser's date control follows the device's language, cannot be typed into the same way on
 * every phone, and cannot hold a date known only in part.
 */
export function DateField({
  id,
  label,
  hint,
  error,
  value,
  onValueChange,
  partial = false,
  required,
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const show = (v: string) => (isIsoDate(v) ? formatDateText(v, i18n.language) : v);
  const [text, setText] = useState(() => show(value));
  // The value last handed out (or given): a different one from outside replaces the text.
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    setText(show(value));
  }

  function change(typed: string) {
    const read = parseDateText(typed, { partial });
    const next = read.kind === 'date' ? read.value : read.kind === 'empty' ? '' : typed.trim();
    setText(typed);
    setKnown(next);
    onValueChange(next);
  }

  const format = t(partial ? 'dateField.partialFormat' : 'dateField.format');
  return (
    <TextField
      id={id}
      label={label}
      hint={hint ? `${hint} (${format})` : format}
      error={error}
      value={text}
      onValueChange={change}
      onBlur={() => {
        if (isIsoDate(known)) setText(show(known));
      }}
      autoComplete="off"
      spellCheck={false}
      maxLength={24}
      {...(required ? { required: true } : {})}
    />
  );
}
