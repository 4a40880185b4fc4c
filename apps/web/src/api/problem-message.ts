import { type FieldError, type LocalizedText, waitText } from '@zemag/contracts';
import type { ApiError } from './api-error';

/** The part of i18next the mapping needs, so it is testable with a plain dictionary. */
export interface Translator {
  /** The active UI language, e.g. `de` or `en-GB`. */
  language: string;
  exists(key: string): boolean;
  t(key: string, options?: Record<string, string | number>): string;
}

function serverText(text: LocalizedText | undefined, language: string): string | undefined {
  if (!text) return undefined;
  return language.toLowerCase().startsWith('en') ? text.en : text.de;
}

/** `auth.invalid_credentials` → `errors.auth.invalid_credentials` (nested i18n keys). */
export function errorKey(code: string): string {
  return `errors.${code}`;
}

/**
 * The wait a 429 text names (`{{wait}}`): "3 Minuten (um 14:32 Uhr)" on this device's clock,
 * counted from when the answer came, in the active language.
 */
function waitParam(error: ApiError, language: string): string {
  const wait = error.retryAfter
    ? waitText(error.retryAfter.seconds, {
        until: new Date(error.retryAfter.at.getTime() + error.retryAfter.seconds * 1000),
      })
    : waitText(undefined);
  return serverText(wait, language) ?? wait.de;
}

/**
 * The sentence to show for a failed call: the app's own translation of the stable code,
 * else the server's message in the active language, else a generic sentence.
 */
export function problemMessage(error: ApiError, tr: Translator): string {
  const key = errorKey(error.code);
  if (tr.exists(key)) return tr.t(key, { wait: waitParam(error, tr.language) });
  return serverText(error.detail, tr.language) ?? tr.t('errors.unknown');
}

/**
 * The message for one field error, most specific first: a text for this field and code,
 * the translation of a stable error code, a generic text for the code, the server's message.
 */
export function fieldErrorMessage(
  error: FieldError,
  tr: Translator,
  params: Record<string, string | number> = {},
): string {
  const candidates = [
    ...(error.code.includes('.') ? [] : [`fieldErrors.${error.field}.${error.code}`]),
    errorKey(error.code),
    ...(error.code.includes('.') ? [] : [`fieldErrors.generic.${error.code}`]),
  ];
  const key = candidates.find((candidate) => tr.exists(candidate));
  if (key) return tr.t(key, params);
  return serverText(error.message, tr.language) ?? tr.t('fieldErrors.generic.invalid');
}

/** The first message per field, for the fields a form knows; the rest stay for the summary. */
export function fieldErrorMessages<F extends string>(
  error: ApiError,
  fields: readonly F[],
  tr: Translator,
  params: Record<string, string | number> = {},
): { byField: Partial<Record<F, string>>; unmatched: FieldError[] } {
  const byField: Partial<Record<F, string>> = {};
  const unmatched: FieldError[] = [];
  for (const fieldError of error.fieldErrors) {
    const field = fields.find((candidate) => candidate === fieldError.field);
    if (field === undefined) {
      unmatched.push(fieldError);
    } else {
      byField[field] ??= fieldErrorMessage(fieldError, tr, params);
    }
  }
  return { byField, unmatched };
}

/**
 * The sentence for a failed call followed by the server's own message for each field, for a
 * call that has no form to show them at (e.g. a refused letter naming the characters it
 * cannot print).
 */
export function problemWithServerDetails(error: ApiError, tr: Translator): string {
  const details = error.fieldErrors.map((f) => serverText(f.message, tr.language) ?? '');
  return [problemMessage(error, tr), ...details].filter((text) => text !== '').join(' ');
}
