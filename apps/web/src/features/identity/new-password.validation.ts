import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@zemag/contracts';

/** The two fields of every form where someone chooses their own password. */
export interface NewPasswordValues {
  password: string;
  passwordRepeat: string;
}

/**
 * What the browser can check of a chosen password before sending (i18n keys under
 * `fieldErrors.`): both fields filled, the length, and that both match. The server checks
 * everything again; its answer wins.
 */
export function validateNewPassword(
  values: NewPasswordValues,
): Partial<Record<keyof NewPasswordValues, string>> {
  const problems: Partial<Record<keyof NewPasswordValues, string>> = {};
  if (values.password === '') problems.password = 'generic.required';
  else if (values.password.length < PASSWORD_MIN_LENGTH) problems.password = 'password.too_short';
  else if (values.password.length > PASSWORD_MAX_LENGTH) problems.password = 'password.too_long';
  if (values.passwordRepeat === '') problems.passwordRepeat = 'generic.required';
  else if (values.passwordRepeat !== values.password)
    problems.passwordRepeat = 'passwordRepeat.mismatch';
  return problems;
}
