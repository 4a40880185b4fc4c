import type { ComplaintStatus, IncidentCategory } from '@zemag/contracts';

/** The columns of a legacy spreadsheet (see README.md for the names a header may use). */
export const LEGACY_COLUMNS = {
  reference: ['aktenzeichen', 'az', 'referenz', 'id', 'nr', 'legacyreference', 'reference'],
  familyName: ['nachname', 'familienname', 'name', 'familyname', 'surname', 'lastname'],
  givenNames: ['vorname', 'vornamen', 'givennames', 'givenname', 'firstname'],
  dateOfBirth: ['geburtsdatum', 'gebdatum', 'geboren', 'dateofbirth', 'birthdate', 'dob'],
  aliases: ['aliasnamen', 'aliasname', 'alias', 'aliase', 'aliases', 'alsoknownas'],
  formerNames: ['frueherenamen', 'geburtsname', 'formernames', 'birthname'],
  addresses: ['adressen', 'adresse', 'anschrift', 'anschriften', 'addresses', 'address'],
  level: ['stufe', 'gefaehrdungsstufe', 'stufeaachenermodell', 'aachenerstufe', 'level'],
  categories: ['kategorien', 'kategorie', 'categories', 'category'],
  incidentDate: ['vorfallsdatum', 'vorfalldatum', 'tatdatum', 'datumvorfall', 'incidentdate'],
  criminalComplaint: ['strafanzeige', 'anzeige', 'criminalcomplaint', 'complaint'],
  complaintFileNumber: [
    'aktenzeichenstrafanzeige',
    'strafanzeigeaktenzeichen',
    'anzeigeaktenzeichen',
    'azstrafanzeige',
    'complaintfilenumber',
    'complaintreference',
  ],
  precautions: ['vorsichtsmassnahmen', 'schutzmassnahmen', 'massnahmen', 'precautions'],
  precautionsText: [
    'vorsichtsmassnahmenfreitext',
    'schutzmassnahmenfreitext',
    'hinweise',
    'hinweis',
    'precautionstext',
    'precautionnotes',
  ],
  validUntil: ['gueltigbis', 'befristetbis', 'validuntil', 'expires'],
  note: ['bemerkung', 'bemerkungen', 'notiz', 'anmerkung', 'note', 'notes'],
} as const;
export type LegacyColumn = keyof typeof LEGACY_COLUMNS;

export const REQUIRED_COLUMNS: LegacyColumn[] = [
  'reference',
  'familyName',
  'level',
  'categories',
  'incidentDate',
];

export const CATEGORY_NAMES: Record<string, IncidentCategory> = {
  bedrohung: 'threat',
  threat: 'threat',
  noetigung: 'coercion',
  coercion: 'coercion',
  sachbeschaedigung: 'property_damage',
  propertydamage: 'property_damage',
  koerperlichegewalt: 'physical_violence',
  gewalt: 'physical_violence',
  physicalviolence: 'physical_violence',
  einsatzvonwerkzeugenoderwaffen: 'weapon_or_tool',
  werkzeugeoderwaffen: 'weapon_or_tool',
  waffe: 'weapon_or_tool',
  waffen: 'weapon_or_tool',
  werkzeug: 'weapon_or_tool',
  weaponortool: 'weapon_or_tool',
  beleidigung: 'insult',
  insult: 'insult',
};

export const COMPLAINT_VALUES: Record<string, ComplaintStatus> = {
  ja: 'yes',
  j: 'yes',
  yes: 'yes',
  y: 'yes',
  x: 'yes',
  '1': 'yes',
  true: 'yes',
  erstattet: 'yes',
  nein: 'no',
  n: 'no',
  no: 'no',
  '0': 'no',
  false: 'no',
  geplant: 'planned',
  planned: 'planned',
  '': 'unknown',
  unbekannt: 'unknown',
  unknown: 'unknown',
};

/** The German column names used in messages when a column is missing. */
export const GERMAN_COLUMN: Record<LegacyColumn, string> = {
  reference: 'Aktenzeichen',
  familyName: 'Nachname',
  givenNames: 'Vornamen',
  dateOfBirth: 'Geburtsdatum',
  aliases: 'Aliasnamen',
  formerNames: 'Frühere Namen',
  addresses: 'Adressen',
  level: 'Stufe',
  categories: 'Kategorien',
  incidentDate: 'Vorfallsdatum',
  criminalComplaint: 'Strafanzeige',
  complaintFileNumber: 'Aktenzeichen Strafanzeige',
  precautions: 'Vorsichtsmaßnahmen',
  precautionsText: 'Hinweise',
  validUntil: 'Gültig bis',
  note: 'Bemerkung',
};
