import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@zemag/contracts';

export const ACTIVATION_FIELDS = ['password', 'passwordRepeat'] as const;
export type ActivationField = (typeof ACTIVATION_FIELDS)[number];

/**
 * What the browser can check before sending (i18n keys under `fieldErrors.`): both fields
 * filled, the length, and that both match. The server checks everything again.
 */
export function validateActivation(
  values: Record<ActivationField, string>,
): Partial<Record<ActivationField, string>> {
  const problems: Partial<Record<ActivationField, string>> = {};
  if (values.password === '') problems.password = 'generic.required';
  else if (values.password.length < PASSWORD_MIN_LENGTH) problems.password = 'password.too_short';
  else if (values.password.length > PASSWORD_MAX_LENGTH) problems.password = 'password.too_long';
  if (values.passwordRepeat === '') problems.passwordRepeat = 'generic.required';
  else if (values.passwordRepeat !== values.password)
    problems.passwordRepeat = 'passwordRepeat.mismatch';
  return problems;
}
