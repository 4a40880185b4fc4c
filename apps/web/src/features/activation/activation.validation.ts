import { validateNewPassword } from '../identity/new-password.validation';

export const ACTIVATION_FIELDS = ['password', 'passwordRepeat'] as const;
export type ActivationField = (typeof ACTIVATION_FIELDS)[number];

/** What the browser can check before sending: the chosen password (new-password.validation). */
export function validateActivation(
  values: Record<ActivationField, string>,
): Partial<Record<ActivationField, string>> {
  return validateNewPassword(values);
}
