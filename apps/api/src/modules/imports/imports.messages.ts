import type { ImportError, LocalizedText } from '@zemag/contracts';

/** Why a row cannot be imported; each code has a message in both languages. */
export const IMPORT_MESSAGES = {
  'csv.malformed': {
    de: 'Die Zeile ist kein gültiges CSV (z. B. falsche Spaltenzahl oder offenes Anführungszeichen).',
    en: 'The line is not valid CSV (e.g. wrong number of columns or an open quote).',
  },
  'csv.empty': { de: 'Die Datei enthält keine Kopfzeile.', en: 'The file has no header line.' },
  'csv.too_many_rows': {
    de: 'Die Datei hat zu viele Zeilen (höchstens 50.000).',
    en: 'The file has too many rows (at most 50,000).',
  },
  'column.missing': {
    de: 'Diese Spalte fehlt in der Kopfzeile.',
    en: 'This column is missing from the header line.',
  },
  'value.required': { de: 'Pflichtangabe fehlt.', en: 'Required value missing.' },
  'value.invalid': {
    de: 'Der Wert hat nicht das erwartete Format.',
    en: 'The value does not have the expected format.',
  },
  'value.duplicate': {
    de: 'Dieser Wert kommt in der Datei mehrfach vor.',
    en: 'This value appears more than once in the file.',
  },
  'flag.invalid': { de: 'Erwartet: ja oder nein.', en: 'Expected: yes or no.' },
  'reason.required': {
    de: 'Begründung (mind. 10 Zeichen) nötig, wenn die Dienststelle für Auskünfte freigegeben ist.',
    en: 'A reason (at least 10 characters) is needed when the department is authorised for look-ups.',
  },
  'department.unknown': {
    de: 'Diese Dienststelle gibt es weder in der Datei noch in ZeMAG.',
    en: 'This department exists neither in the file nor in ZeMAG.',
  },
  'department.parent_cycle': {
    de: 'Die übergeordnete Dienststelle ergibt einen Kreis.',
    en: 'The parent department makes a cycle.',
  },
  'role.not_importable': {
    de: 'Nur die Rollen field und control_room können importiert werden; andere brauchen die Bestätigung einer zweiten Administration.',
    en: 'Only the roles field and control_room can be imported; others need a second administrator to confirm.',
  },
  'grant.department_not_authorised': {
    de: 'Die Dienststelle ist nicht für Auskünfte freigegeben; die Rolle field ist dort nicht möglich.',
    en: "The department is not authorised for look-ups; the 'field' role is not possible there.",
  },
  'grant.incompatible_roles': {
    de: 'Diese Rolle ist mit einer vorhandenen Rolle unvereinbar (Funktionstrennung).',
    en: 'This role cannot be combined with a role the user holds (separation of duties).',
  },
  'grant.self_grant': {
    de: 'Sie können sich selbst keine Rollen geben.',
    en: 'You cannot grant roles to yourself.',
  },
  'user.disabled': {
    de: 'Das Benutzerkonto ist deaktiviert; ihm werden keine Rollen gegeben.',
    en: 'The user account is disabled; it is not given roles.',
  },
} as const satisfies Record<string, LocalizedText>;

export type ImportErrorCode = keyof typeof IMPORT_MESSAGES;

export function importError(row: number, field: string, code: ImportErrorCode): ImportError {
  return { row, field, code, message: IMPORT_MESSAGES[code] };
}
