import { validateNewPassword } from '../identity/new-password.validation';

export const SETUP_FIELDS = ['displayName', 'username', 'password', 'passwordRepeat'] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];
export type SetupValues = Record<SetupField, string>;

/** An i18n key (under `fieldErrors.`) per field that is wrong. */
export type SetupProblems = Partial<Record<SetupField, string>>;

/**
 * What the browser can check before sending: empty fields, password length, and that both
 * passwords match. The server checks everything again; its answer wins.
 */
export function validateSetup(values: SetupValues): SetupProblems {
  const problems: SetupProblems = {};
  if (values.displayName.trim() === '') problems.displayName = 'generic.required';
  if (values.username.trim() === '') problems.username = 'generic.required';
  return { ...problems, ...validateNewPassword(values) };
}

/** The first field with a problem, in form order (to move focus there). */
export function firstProblemField<F extends string>(
  problems: Partial<Record<F, unknown>>,
  order: readonly F[],
): F | undefined {
  return order.find((field) => problems[field] !== undefined);
}
