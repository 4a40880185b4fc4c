import type { ApiError } from '../api/api-error';
import { type Translator, fieldErrorMessages, problemMessage } from '../api/problem-message';
import type { ErrorSummaryItem } from './error-summary';

export interface FormFailure<F extends string> {
  /** The message under each field the server named. */
  byField: Partial<Record<F, string>>;
  /** The summary: one link per field message, or the problem's own sentence. */
  summary: ErrorSummaryItem[];
  message: string;
}

/**
 * Spreads a failed call over a form: field errors go to their fields (and into the summary as
 * links); a stable code that belongs to one field (e.g. `department.code_taken` → `code`) is
 * shown there too; anything else becomes the summary's sentence.
 */
export function formFailure<F extends string>(
  error: ApiError,
  fields: readonly F[],
  tr: Translator,
  {
    idPrefix = '',
    labels = {},
    codeFields = {},
    params = {},
  }: {
    idPrefix?: string;
    labels?: Partial<Record<F, string>>;
    codeFields?: Partial<Record<string, F>>;
    /** Interpolation values for field messages, e.g. `{ min: 12 }`. */
    params?: Record<string, string | number>;
  } = {},
): FormFailure<F> {
  const { byField } = fieldErrorMessages(error, fields, tr, params);
  const codeField = codeFields[error.code];
  if (codeField && !byField[codeField]) byField[codeField] = problemMessage(error, tr);
  const summary = fields.flatMap((field) => {
    const text = byField[field];
    if (!text) return [];
    const label = labels[field];
    return [{ id: `${idPrefix}${field}`, text: label ? `${label}: ${text}` : text }];
  });
  return { byField, summary, message: problemMessage(error, tr) };
}
