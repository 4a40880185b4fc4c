import type { ErrorCode, LocalizedText } from '@zemag/contracts';

/** Title (English, per RFC 9457) and a detail in both UI languages for every error code. */
export const PROBLEM_MESSAGES: Record<ErrorCode, { title: string; detail: LocalizedText }> = {
  'request.invalid': {
    title: 'Invalid input',
    detail: {
      de: 'Die Eingabe ist nicht gültig. Bitte prüfen Sie die markierten Felder.',
      en: 'The input is not valid. Please check the fields named.',
    },
  },
  'request.malformed_body': {
    title: 'Malformed request body',
    detail: {
      de: 'Die Anfrage konnte nicht gelesen werden (kein gültiges JSON).',
      en: 'The request body could not be read (not valid JSON).',
    },
  },
  'request.unsupported_media_type': {
    title: 'Unsupported media type',
    detail: {
      de: 'Dieses Datenformat wird nicht angenommen; bitte JSON senden.',
      en: 'This content type is not accepted; please send JSON.',
    },
  },
  'request.body_too_large': {
    title: 'Request body too large',
    detail: { de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
  },
  'request.cross_origin': {
    title: 'Cross-origin request refused',
    detail: {
      de: 'Anfragen von fremden Seiten werden abgelehnt.',
      en: 'Requests from other sites are refused.',
    },
  },
  'request.rate_limited': {
    title: 'Too many requests',
    detail: {
      de: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
      en: 'Too many requests. Please wait a moment.',
    },
  },
  'resource.not_found': {
    title: 'Not found',
    detail: { de: 'Nicht gefunden.', en: 'Not found.' },
  },
  'auth.unauthenticated': {
    title: 'Sign-in required',
    detail: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  },
  'auth.forbidden': {
    title: 'Not permitted',
    detail: { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not permitted to do this.' },
  },
  'auth.invalid_credentials': {
    title: 'Sign-in failed',
    detail: { de: 'Benutzername oder Passwort ist falsch.', en: 'User name or password is wrong.' },
  },
  'setup.token_invalid': {
    title: 'Setup link invalid',
    detail: {
      de: 'Der Einrichtungslink ist ungültig, abgelaufen oder wurde schon benutzt.',
      en: 'The setup link is invalid, expired or already used.',
    },
  },
  'setup.already_completed': {
    title: 'Setup already completed',
    detail: {
      de: 'Die Einrichtung ist bereits abgeschlossen; es gibt schon eine Administration.',
      en: 'Setup is already complete; an administrator exists.',
    },
  },
  'user.username_taken': {
    title: 'User name taken',
    detail: {
      de: 'Dieser Benutzername ist bereits vergeben.',
      en: 'This user name is already taken.',
    },
  },
  'server.internal': {
    title: 'Internal server error',
    detail: {
      de: 'Ein interner Fehler ist aufgetreten. Ihre Daten wurden nicht verändert.',
      en: 'An internal error occurred. Your data was not changed.',
    },
  },
  'server.unavailable': {
    title: 'Service unavailable',
    detail: {
      de: 'Der Dienst ist gerade nicht verfügbar.',
      en: 'The service is unavailable right now.',
    },
  },
};

/** The message to show beside a field for an error that concerns exactly that field. */
export function fieldErrorMessage(code: ErrorCode): LocalizedText {
  return PROBLEM_MESSAGES[code].detail;
}
