import type { Role } from '@zemag/contracts';

/**
 * The fixed German parts of the record of processing activities: what ZeMAG's code does,
 * whatever the configuration. Everything that a setting can change is in records.content.ts.
 */
export const PROCESSING_NAME =
  'ZeMAG – Zentrales Melde- und Auskunftssystem bei Gefährdung von Mitarbeitenden';

export const PURPOSES = [
  'Schutz von Leben und Gesundheit der Beschäftigten bei Außendienst, Hausbesuchen und Publikumsverkehr vor Personen, von denen bereits eine Gefährdung ausging.',
  'Entgegennahme und Prüfung von Meldungen über Vorfälle, bei denen Beschäftigte bedroht oder angegriffen wurden.',
  'Eintragung eines Gefährdungshinweises zu einer Person nach bestätigtem Vorfall der Stufe 2 oder 3 mit Strafanzeige, im Vier-Augen-Prinzip, befristet.',
  'Auskunft an Beschäftigte berechtigter Dienststellen vor einem Kontakt (Abfrage nur mit Zweck und Aktenzeichen), damit Vorsichtsmaßnahmen getroffen werden.',
  'Benachrichtigung der eingetragenen Personen (Art. 14 DSGVO) und Beantwortung ihrer Anträge auf Auskunft, Berichtigung, Löschung und Einschränkung.',
  'Protokollierung jedes Zugriffs, damit die Rechtmäßigkeit der Verarbeitung kontrolliert werden kann.',
];

export const PERSON_CATEGORIES = [
  {
    title: 'Eingetragene Personen',
    text: 'Personen, zu denen nach bestätigten Vorfällen ein Gefährdungshinweis besteht oder vorgeschlagen ist.',
  },
  {
    title: 'In Meldungen genannte Personen',
    text: 'Personen, die in einer Meldung als beteiligt genannt oder beschrieben sind, auch ohne Eintrag.',
  },
  {
    title: 'Meldende Beschäftigte',
    text: 'Beschäftigte, die einen Vorfall melden, mit ihrer Dienststelle.',
  },
  {
    title: 'Nutzende',
    text: 'Beschäftigte mit einem Konto in ZeMAG; ihre Anmeldungen und Zugriffe werden protokolliert.',
  },
];

export const DATA_CATEGORIES = {
  person: [
    'Familiennamen, Vornamen, Aliasnamen und frühere Namen',
    'Geburtsdatum (auch teilweise oder unbekannt)',
    'Anschriften mit Gültigkeitszeitraum',
    'Hinweise zur Identifizierung',
  ],
  incident: [
    'Zeitpunkt und Ort (Anschrift und/oder GPS-Position)',
    'meldende Person und Dienststelle',
    'Schilderung des Vorfalls, beteiligte Personen (bekannt oder beschrieben)',
    'Verletzungen (Gesundheitsdaten, Art. 9 DSGVO)',
    'Polizeieinsatz, Strafanzeige mit Aktenzeichen (Daten über Straftaten, Art. 10 DSGVO)',
  ],
  listing: [
    'Stufe (2 oder 3) und Kategorien',
    'die bestätigten Vorfälle, auf denen der Eintrag beruht',
    'gültig bis, Status, Stand der Benachrichtigung, Einschränkung während eines Widerspruchs',
  ],
  lookup: [
    'eingegebene Suchangaben (Name, Vorname, Geburtsdatum, Anschrift)',
    'Zweck und Aktenzeichen der Abfrage, angezeigte Treffer',
    'Besuchslisten eines Tages (auf dem Diensthandy verschlüsselt)',
  ],
  account: [
    'Benutzername, Anzeigename, Dienststelle, Rollen mit Vergabe und Bestätigung',
    'Anmeldefaktoren (Passwort-Hash, Passkeys, Authenticator-App), Sitzungen',
    'Protokoll: wer wann was mit welchem Zweck gelesen oder geändert hat',
  ],
} as const;

export const ROLE_NAMES: Record<Role, string> = {
  reporter: 'Meldende Person',
  field: 'Außendienst',
  registrar: 'Registerstelle',
  dpo: 'Datenschutzbeauftragte Person',
  control_room: 'Leitstelle',
  admin: 'Administration',
};

/** What each role receives of the register (DESIGN.md, "Users and roles"; permissions.ts). */
export const ROLE_ACCESS: Record<Role, string> = {
  reporter: 'eigene Meldungen und deren Stand; keine Abfragen',
  field:
    'Abfrage mit Zweck: Treffer mit Stufe, Kategorien, Vorsichtsmaßnahmen, gültig bis und Ansprechstelle; keine Schilderungen',
  registrar:
    'Prüfung der Meldungen, Personen und Einträge, Benachrichtigungen und Anträge Betroffener',
  dpo: 'Protokoll und dieses Verzeichnis; keine Abfragen, keine Änderungen',
  control_room: 'derzeit keine Registerdaten',
  admin: 'Konten, Dienststellen, Rollen und dieses Verzeichnis; keine Registerdaten',
};

/** German names of the incident categories (contracts `INCIDENT_CATEGORIES`). */
export const CATEGORY_NAMES: Record<string, string> = {
  threat: 'Bedrohung',
  coercion: 'Nötigung',
  property_damage: 'Sachbeschädigung',
  physical_violence: 'körperliche Gewalt',
  weapon_or_tool: 'Einsatz von Werkzeugen oder Waffen',
  insult: 'Beleidigung (nur Meldung, nie Eintrag)',
};

/** Aachener Modell levels (contracts `AACHEN_LEVELS`). */
export const LEVEL_NAMES: Record<number, string> = {
  0: 'Stufe 0: normales oder erregtes Gespräch',
  1: 'Stufe 1: verbale Aggression, unangemessenes Verhalten',
  2: 'Stufe 2: körperliche Gewalt, deutliche Bedrohung, Nötigung, Sachbeschädigung',
  3: 'Stufe 3: Einsatz von Waffen oder Werkzeugen, Amoklauf, Geiselnahme, Raub',
};

/** Retention rules (retention.settings.ts): what the period covers and from when it runs. */
export const RETENTION_TEXTS: Record<string, { label: string; startsFrom: string }> = {
  closed_listings: {
    label: 'Abgelaufene, beendete oder abgelehnte Einträge',
    startsFrom: 'ab Abschluss',
  },
  rejected_reports: {
    label: 'Abgelehnte und nie bestätigte Meldungen',
    startsFrom: 'ab letzter Änderung',
  },
  unlisted_incidents: {
    label: 'Bestätigte Vorfälle ohne Eintrag',
    startsFrom: 'ab dem Vorfall',
  },
  erased_person_incidents: {
    label: 'Reste einer Meldung nach Löschung der Person',
    startsFrom: 'ab der Löschung',
  },
  persons: {
    label: 'Personen ohne Eintrag, Meldung oder offenen Antrag',
    startsFrom: 'ab letzter Änderung',
  },
  audit_terms: {
    label: 'Suchangaben der Abfragen im Protokoll (Namen, Geburtsdaten)',
    startsFrom: 'ab der Abfrage',
  },
  audit_events: {
    label: 'Protokoll (wer hat was gelesen oder geändert)',
    startsFrom: 'ab dem Ereignis',
  },
};
