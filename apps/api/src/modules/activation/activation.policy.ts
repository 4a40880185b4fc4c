/**
 * Whether an account is in its owner's hands: they set their own password (activation link or
 * the first-administrator setup) or sign in through single sign-on. An administrator never
 * sets a password, so only such an account may receive a confirmed four-eyes grant.
 */
export function isActivated(user: {
  passwordHash: string | null;
  externalSubject: string | null;
}): boolean {
  return user.passwordHash !== null || user.externalSubject !== null;
}
