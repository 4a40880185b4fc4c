import type { Role } from '@zemag/contracts';

/**
 * Musterstadt, the fictional demo city: its departments as in Cologne's model (Ordnungsamt,
 * Vollstreckung, Sozialamt, Jugendamt, Rettungsdienst authorised for look-ups; the ZeMAG
 * office in a crime-prevention unit; IT; data protection).
 */
/** Telephone numbers are Musterstadt's fictional `01234 567-…` (like the letterhead's). */
export const DEMO_DEPARTMENTS = [
  {
    code: '32',
    name: 'Ordnungsamt',
    phone: '01234 567-3200',
    parentCode: null,
    lookupReason: null,
  },
  {
    code: '32-2',
    name: 'Ordnungsdienst',
    phone: '01234 567-3220',
    parentCode: '32',
    lookupReason: 'Kontrollen und Hausbesuche im Außendienst',
  },
  { code: '20', name: 'Kämmerei', phone: '01234 567-2000', parentCode: null, lookupReason: null },
  {
    code: '20-3',
    name: 'Vollstreckung',
    phone: '01234 567-2030',
    parentCode: '20',
    lookupReason: 'Vollstreckung in Wohnungen (Außendienst)',
  },
  {
    code: '50',
    name: 'Sozialamt',
    phone: '01234 567-5000',
    parentCode: null,
    lookupReason: 'Hausbesuche der Sozialen Dienste',
  },
  {
    code: '51',
    name: 'Jugendamt',
    phone: '01234 567-5100',
    parentCode: null,
    lookupReason: 'Hausbesuche des Allgemeinen Sozialen Dienstes (Kinderschutz)',
  },
  {
    code: '37',
    name: 'Berufsfeuerwehr und Rettungsdienst',
    phone: '01234 567-3700',
    parentCode: null,
    lookupReason: 'Rettungseinsätze in Wohnungen',
  },
  {
    code: '01-KP',
    name: 'Kriminalprävention (ZeMAG-Stelle)',
    phone: '01234 567-1010',
    parentCode: null,
    lookupReason: null,
  },
  {
    code: '01-LS',
    name: 'Leitstelle Mitarbeitendenschutz',
    phone: '01234 567-1020',
    parentCode: null,
    lookupReason: null,
  },
  {
    code: '12',
    name: 'Amt für Informationsverarbeitung',
    phone: '01234 567-1200',
    parentCode: null,
    lookupReason: null,
  },
  {
    code: '01-DS',
    name: 'Datenschutz',
    phone: '01234 567-100',
    parentCode: null,
    lookupReason: null,
  },
  { code: '56', name: 'Bürgeramt', phone: '01234 567-5600', parentCode: null, lookupReason: null },
] as const;

export interface DemoUser {
  username: string;
  displayName: string;
  departmentCode: string;
  /** Roles besides `reporter`, which every employee has. */
  roles: Role[];
  /** What this account shows in the demo (for the demo sign-in list). */
  purpose: { de: string; en: string };
}

/** Demo accounts for every role; two administrators and two registrars so four-eyes can be tried. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'demo.admin',
    displayName: 'Katrin Vogel',
    departmentCode: '12',
    roles: ['admin'],
    purpose: { de: 'IT-Administration', en: 'IT administration' },
  },
  {
    username: 'demo.admin2',
    displayName: 'Tobias Krämer',
    departmentCode: '12',
    roles: ['admin'],
    purpose: { de: 'Zweite Administration (Vier-Augen)', en: 'Second administrator (four-eyes)' },
  },
  {
    username: 'demo.registrar',
    displayName: 'Aylin Demir',
    departmentCode: '01-KP',
    roles: ['registrar'],
    purpose: { de: 'ZeMAG-Stelle: prüft Meldungen', en: 'ZeMAG office: reviews reports' },
  },
  {
    username: 'demo.registrar2',
    displayName: 'Stefan Nowak',
    departmentCode: '01-KP',
    roles: ['registrar'],
    purpose: { de: 'ZeMAG-Stelle: zweite Prüfung', en: 'ZeMAG office: second review' },
  },
  {
    username: 'demo.dpo',
    displayName: 'Dr. Miriam Haddad',
    departmentCode: '01-DS',
    roles: ['dpo'],
    purpose: { de: 'Datenschutzbeauftragte', en: 'Data protection officer' },
  },
  {
    username: 'demo.leitstelle',
    displayName: 'Jens Becker',
    departmentCode: '01-LS',
    roles: ['control_room'],
    purpose: { de: 'Leitstelle: Alarme', en: 'Control room: alarms' },
  },
  {
    username: 'demo.ordnungsdienst',
    displayName: 'Sven Yıldız',
    departmentCode: '32-2',
    roles: ['field'],
    purpose: {
      de: 'Ordnungsdienst: Auskunft vor dem Einsatz',
      en: 'Public order service: look-up before a visit',
    },
  },
  {
    username: 'demo.vollstreckung',
    displayName: 'Natalia Wójcik',
    departmentCode: '20-3',
    roles: ['field'],
    purpose: { de: 'Vollstreckung im Außendienst', en: 'Enforcement officer' },
  },
  {
    username: 'demo.sozialdienst',
    displayName: 'Fatima Al-Masri',
    departmentCode: '50',
    roles: ['field'],
    purpose: { de: 'Sozialer Dienst: Hausbesuche', en: 'Social services: home visits' },
  },
  {
    username: 'demo.jugendamt',
    displayName: 'Lukas Schneider',
    departmentCode: '51',
    roles: ['field'],
    purpose: { de: 'Jugendamt: Hausbesuche', en: 'Youth services: home visits' },
  },
  {
    username: 'demo.rettungsdienst',
    displayName: 'Olga Iwanowa',
    departmentCode: '37',
    roles: ['field'],
    purpose: { de: 'Rettungsdienst', en: 'Ambulance service' },
  },
  {
    username: 'demo.buergeramt',
    displayName: 'Mehmet Öztürk',
    departmentCode: '56',
    roles: [],
    purpose: {
      de: 'Bürgeramt: darf melden, nicht nachschlagen',
      en: 'Citizens’ office: may report, not look up',
    },
  },
  {
    username: 'demo.kaemmerei',
    displayName: 'Heike Schulte',
    departmentCode: '20',
    roles: [],
    purpose: { de: 'Kämmerei: darf melden', en: 'Treasury: may report' },
  },
];

/** The one password of every demo account (demo data only; never for real accounts). */
export const DEMO_PASSWORD = 'Musterstadt zeigt ZeMAG';
