import type { IncidentReportInput, PostalAddress } from '@zemag/contracts';

/**
 * The register of Musterstadt: reports over the past two years, reviewed by the two demo
 * registrars, persons with spelling variants, listings in each state. All names, dates of
 * birth and addresses are invented; family and given names were picked from the common-name
 * lists in ../shared/data/names (German, Turkish, Arabic, Polish, Russian) and typed by hand.
 * Times are days (and hours) before the moment of seeding, so the demo always looks current.
 */

const address = (street: string, houseNumber: string, postalCode = '12345'): PostalAddress => ({
  street,
  houseNumber,
  postalCode,
  city: 'Musterstadt',
});

export interface DemoPersonRecord {
  familyName: string;
  givenNames: string;
  dateOfBirth: string | null;
  address: PostalAddress;
}

/** The person records the registrars create from reports (key → record). */
export const DEMO_PERSONS: Record<string, DemoPersonRecord> = {
  meyer: {
    familyName: 'Meyer',
    givenNames: 'Klaus-Dieter',
    dateOfBirth: '1968-03-14',
    address: address('Lindenallee', '12'),
  },
  yilmaz: {
    familyName: 'Yılmaz',
    givenNames: 'Mehmet',
    dateOfBirth: '1979-11-02',
    address: address('Bahnhofstraße', '7a'),
  },
  nowak: {
    familyName: 'Nowak',
    givenNames: 'Agnieszka',
    dateOfBirth: '1985',
    address: address('Am Markt', '3'),
  },
  alhassan: {
    familyName: 'Al-Hassan',
    givenNames: 'Mohammed',
    dateOfBirth: '1990-07-21',
    address: address('Kirchweg', '15', '12347'),
  },
  iwanow: {
    familyName: 'Iwanow',
    givenNames: 'Sergej',
    dateOfBirth: '1972-05-30',
    address: address('Gartenstraße', '22'),
  },
  schmitt: {
    familyName: 'Schmitt',
    givenNames: 'Jürgen',
    dateOfBirth: '1958',
    address: address('Mühlenweg', '4'),
  },
};

export type DemoReview =
  | { kind: 'submitted' }
  | { kind: 'in_review' }
  | { kind: 'ask'; question: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'confirm'; note?: string };

export interface DemoIncident {
  /** Days before seeding the incident happened (and was reported, a few hours later). */
  daysAgo: number;
  reporter: string;
  report: Omit<IncidentReportInput, 'occurredAt'>;
  review: DemoReview;
  /** Person record keys the reported persons are linked to, in order (null: not linked). */
  links?: (string | null)[];
}

export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    daysAgo: 690,
    reporter: 'demo.vollstreckung',
    report: {
      place: { address: address('Lindenallee', '12') },
      categories: ['threat'],
      level: 2,
      description:
        'Bei der Vollstreckung drohte der Schuldner, „beim nächsten Mal“ mit einem Messer zu kommen. Er schlug mit der Faust gegen die Tür.',
      injuries: 'none',
      policeInvolved: false,
      criminalComplaint: { status: 'yes', fileNumber: '71 Js 4411/24' },
      persons: [{ familyName: 'Meyer', givenNames: 'Klaus', dateOfBirth: '1968' }],
    },
    review: { kind: 'confirm' },
    links: ['meyer'],
  },
  {
    daysAgo: 702,
    reporter: 'demo.sozialdienst',
    report: {
      place: { address: address('Am Markt', '3') },
      categories: ['coercion', 'threat'],
      level: 2,
      description:
        'Die Kollegin wurde im Flur festgehalten und bedrängt, einen Bescheid zurückzunehmen. Erst ein Nachbar kam dazu.',
      injuries: 'minor',
      policeInvolved: true,
      criminalComplaint: { status: 'yes', fileNumber: '82 Js 1020/24' },
      persons: [{ familyName: 'Nowak', givenNames: 'Agnieszka', dateOfBirth: '1985' }],
    },
    review: { kind: 'confirm' },
    links: ['nowak'],
  },
  {
    daysAgo: 310,
    reporter: 'demo.ordnungsdienst',
    report: {
      place: { address: address('Bahnhofstraße', '7a'), description: 'Hauseingang' },
      categories: ['physical_violence'],
      level: 2,
      description:
        'Bei einer Lärmkontrolle stieß der Bewohner den Kollegen die Treppe hinunter. Prellungen am Arm.',
      injuries: 'treated',
      policeInvolved: true,
      criminalComplaint: { status: 'yes', fileNumber: '64 Js 877/26' },
      persons: [{ familyName: 'Yilmaz', givenNames: 'Mehmet', dateOfBirth: '1979-11-02' }],
    },
    review: { kind: 'confirm', note: 'Arztbericht liegt vor.' },
    links: ['yilmaz'],
  },
  {
    daysAgo: 240,
    reporter: 'demo.kaemmerei',
    report: {
      place: { description: 'Kasse im Stadthaus, Schalter 2' },
      categories: ['insult'],
      level: 1,
      description: 'Beleidigungen am Schalter wegen einer Mahngebühr.',
      injuries: 'none',
      policeInvolved: false,
      criminalComplaint: { status: 'no', fileNumber: null },
      persons: [{ familyName: 'Schmitt', givenNames: 'Jürgen', dateOfBirth: '1958' }],
    },
    review: { kind: 'confirm', note: 'Stufe 1: gemeldet, kein Eintrag.' },
    links: ['schmitt'],
  },
  {
    daysAgo: 150,
    reporter: 'demo.rettungsdienst',
    report: {
      place: { address: address('Gartenstraße', '22') },
      categories: ['property_damage'],
      level: 2,
      description:
        'Während des Einsatzes trat der Patient die Seitenscheibe des Rettungswagens ein.',
      injuries: 'none',
      policeInvolved: true,
      criminalComplaint: { status: 'planned', fileNumber: null },
      persons: [{ familyName: 'Iwanow', givenNames: 'Sergej', dateOfBirth: '1972-05-30' }],
    },
    review: { kind: 'confirm', note: 'Anzeige noch nicht erstattet – kein Eintrag möglich.' },
    links: ['iwanow'],
  },
  {
    daysAgo: 120,
    reporter: 'demo.vollstreckung',
    report: {
      place: { address: address('Lindenallee', '12') },
      categories: ['weapon_or_tool', 'threat'],
      level: 3,
      description:
        'Der Schuldner öffnete mit einem Küchenmesser in der Hand und forderte die Kollegin auf zu gehen. Rückzug, Polizei verständigt.',
      injuries: 'none',
      policeInvolved: true,
      criminalComplaint: { status: 'yes', fileNumber: '71 Js 2290/26' },
      persons: [{ familyName: 'Maier', givenNames: 'Klaus Dieter', dateOfBirth: '1968-03-14' }],
    },
    review: { kind: 'confirm' },
    links: ['meyer'],
  },
  {
    daysAgo: 95,
    reporter: 'demo.buergeramt',
    report: {
      place: { description: 'Bürgeramt Nord, Wartebereich' },
      categories: ['threat'],
      level: 2,
      description: 'Ein Mann drohte, „wiederzukommen“, nachdem sein Termin abgesagt wurde.',
      injuries: 'none',
      policeInvolved: false,
      criminalComplaint: { status: 'no', fileNumber: null },
      persons: [{ description: 'Mann, etwa 40 Jahre, graue Jacke, Name unbekannt' }],
    },
    review: {
      kind: 'reject',
      reason: 'Keine Person bestimmbar und keine Anzeige; bitte bei Wiederholung erneut melden.',
    },
  },
  {
    daysAgo: 40,
    reporter: 'demo.sozialdienst',
    report: {
      place: { address: address('Kirchweg', '15', '12347') },
      categories: ['weapon_or_tool'],
      level: 3,
      description:
        'Beim Hausbesuch griff der Mann zu einem Schraubenzieher und hielt ihn der Kollegin vor das Gesicht.',
      injuries: 'none',
      policeInvolved: true,
      criminalComplaint: { status: 'yes', fileNumber: '90 Js 310/26' },
      persons: [{ familyName: 'Alhassan', givenNames: 'Mohamed', dateOfBirth: '1990-07-21' }],
    },
    review: { kind: 'confirm' },
    links: ['alhassan'],
  },
  {
    daysAgo: 10,
    reporter: 'demo.jugendamt',
    report: {
      place: { address: address('Rosenstraße', '9') },
      categories: ['threat'],
      level: 2,
      description: 'Der Vater drohte beim Hausbesuch, den Kollegen „fertigzumachen“.',
      injuries: 'none',
      policeInvolved: false,
      criminalComplaint: { status: 'unknown', fileNumber: null },
      persons: [{ familyName: 'Özdemir', givenNames: 'Kemal', dateOfBirth: null }],
    },
    review: {
      kind: 'ask',
      question: 'Wurde Strafanzeige erstattet? Bitte tragen Sie das Aktenzeichen nach.',
    },
  },
  {
    daysAgo: 3,
    reporter: 'demo.rettungsdienst',
    report: {
      place: { address: address('Hafenstraße', '40') },
      categories: ['physical_violence'],
      level: 2,
      description: 'Schlag gegen die Schulter der Notfallsanitäterin während der Versorgung.',
      injuries: 'minor',
      policeInvolved: true,
      criminalComplaint: { status: 'yes', fileNumber: '55 Js 12/27' },
      persons: [{ familyName: 'Kowalczyk', givenNames: 'Dariusz', dateOfBirth: '1981-02-11' }],
    },
    review: { kind: 'in_review' },
  },
  {
    daysAgo: 1,
    reporter: 'demo.ordnungsdienst',
    report: {
      place: { description: 'Parkplatz hinter dem Rathaus' },
      categories: ['threat'],
      level: 2,
      quick: true,
    },
    review: { kind: 'submitted' },
  },
  {
    daysAgo: 0,
    reporter: 'demo.vollstreckung',
    report: {
      place: { address: address('Lindenallee', '14') },
      categories: ['weapon_or_tool'],
      level: 3,
      quick: true,
    },
    review: { kind: 'submitted' },
  },
  {
    // Past its retention period (rejected reports: 6 months): the first `retention run` deletes it.
    daysAgo: 260,
    reporter: 'demo.buergeramt',
    report: {
      place: { description: 'Bürgeramt Süd, Schalter 3' },
      categories: ['threat'],
      level: 1,
      description: 'Ein Kunde schimpfte laut über die Wartezeit und schlug auf den Tresen.',
      injuries: 'none',
      policeInvolved: false,
      criminalComplaint: { status: 'no', fileNumber: null },
      persons: [{ description: 'Mann, etwa 60 Jahre, Name unbekannt' }],
    },
    review: {
      kind: 'reject',
      reason:
        'Keine Drohung gegen Beschäftigte und keine Person bestimmbar; kein Fall für das Register.',
    },
  },
];

export interface DemoListing {
  person: string;
  /** Index into DEMO_INCIDENTS of the grounds. */
  grounds: number[];
  precautions: string[];
  precautionsText?: string;
  reason: string;
  /** `proposed`: waits for the second registrar. */
  state: 'active' | 'proposed';
  letter?: { state: 'sent' } | { state: 'held_back'; reason: string };
}

export const DEMO_LISTINGS: DemoListing[] = [
  {
    person: 'meyer',
    grounds: [0, 5],
    precautions: ['pairs_only', 'police_escort', 'weapon_known'],
    precautionsText: 'Öffnet mit Messer in der Hand; nur mit Polizei.',
    reason: 'Zwei bestätigte Vorfälle, zuletzt mit Messer (Stufe 3), Anzeigen erstattet.',
    state: 'active',
    letter: { state: 'sent' },
  },
  {
    person: 'yilmaz',
    grounds: [2],
    precautions: ['pairs_only', 'alarm_before_entry'],
    reason: 'Körperliche Gewalt gegen den Ordnungsdienst, Anzeige erstattet.',
    state: 'active',
    letter: {
      state: 'held_back',
      reason: 'Die Polizei bittet wegen laufender Ermittlungen um Zurückstellung.',
    },
  },
  {
    person: 'nowak',
    grounds: [1],
    precautions: ['no_home_visit', 'dog_known'],
    reason: 'Nötigung und Bedrohung beim Hausbesuch, Anzeige erstattet.',
    state: 'active',
  },
  {
    person: 'alhassan',
    grounds: [7],
    precautions: ['no_home_visit', 'police_escort'],
    reason: 'Bedrohung mit einem Werkzeug (Stufe 3), Anzeige erstattet.',
    state: 'proposed',
  },
];

export interface DemoLookup {
  daysAgo: number;
  by: string;
  familyName?: string;
  givenNames?: string;
  dateOfBirth?: string;
  address?: { street: string; houseNumber?: string; postalCode?: string; city?: string };
  purpose: { fileNumber: string; reason: string };
}

/** Look-ups before visits, with their purposes: hits, a variant spelling, an address, a miss. */
export const DEMO_LOOKUPS: DemoLookup[] = [
  {
    // Past its retention period (look-up terms: 6 months): the first `retention run` deletes
    // the names typed; the audit event itself stays.
    daysAgo: 250,
    by: 'demo.sozialdienst',
    familyName: 'Wagner',
    givenNames: 'Petra',
    purpose: { fileNumber: 'SD 50-2026-12', reason: 'home_visit' },
  },
  {
    daysAgo: 20,
    by: 'demo.vollstreckung',
    familyName: 'Maier',
    givenNames: 'Klaus',
    purpose: { fileNumber: 'VZ 2026/0412', reason: 'enforcement' },
  },
  {
    daysAgo: 12,
    by: 'demo.ordnungsdienst',
    address: { street: 'Bahnhofstr.', houseNumber: '7 a', city: 'Musterstadt' },
    purpose: { fileNumber: 'OD-26-1187', reason: 'inspection' },
  },
  {
    daysAgo: 6,
    by: 'demo.sozialdienst',
    familyName: 'Novak',
    dateOfBirth: '1985',
    purpose: { fileNumber: 'SD 50-2026-88', reason: 'home_visit' },
  },
  {
    daysAgo: 2,
    by: 'demo.jugendamt',
    familyName: 'Schneider',
    givenNames: 'Anna',
    dateOfBirth: '1992-06-03',
    purpose: { fileNumber: 'ASD 51/2026/301', reason: 'home_visit' },
  },
];

export interface DemoVisitList {
  daysAgo: number;
  by: string;
  purpose: { fileNumber: string; reason: string };
  /** As pasted: one visit per line. */
  text: string;
}

/**
 * A bailiff's day, checked in one go before leaving: a listed person under a variant spelling,
 * a listed address, and two visits without an entry.
 */
export const DEMO_VISIT_LISTS: DemoVisitList[] = [
  {
    daysAgo: 1,
    by: 'demo.vollstreckung',
    purpose: { fileNumber: 'VZ 2026/0519', reason: 'enforcement' },
    text: [
      'Meier, Klaus Dieter, 14.03.1968',
      'Bahnhofstraße 7a, 12345 Musterstadt',
      'Becker, Monika, 02.11.1971',
      'Rosenweg 4, 12345 Musterstadt',
    ].join('\n'),
  },
];

/** Look-ups at a local time of day, so that the anomaly rules find the same in every demo. */
export interface DemoTimedLookup extends Omit<DemoLookup, 'daysAgo'> {
  daysAgo: number;
  /** Local time `HH:MM` of the first look-up. */
  localTime: string;
  /** This many look-ups (house numbers 1, 2, … of the address), `everySeconds` apart. */
  repeat?: { times: number; everySeconds: number };
}

/**
 * What the data protection officer's findings show in the demo (anomaly rules, issue 14): a
 * burst of address look-ups on one file number, a look-up in the night, a made-up file number.
 */
export const DEMO_ANOMALY_LOOKUPS: DemoTimedLookup[] = [
  {
    // 55 addresses in 45 minutes: a burst, the file number repeated, most without a match
    daysAgo: 3,
    localTime: '10:05',
    by: 'demo.ordnungsdienst',
    address: { street: 'Gartenstraße', city: 'Musterstadt' },
    purpose: { fileNumber: 'OD-26-1203', reason: 'inspection' },
    repeat: { times: 55, everySeconds: 50 },
  },
  {
    daysAgo: 9,
    localTime: '02:40',
    by: 'demo.vollstreckung',
    familyName: 'Maier',
    givenNames: 'Klaus',
    purpose: { fileNumber: 'VZ 2026/0415', reason: 'enforcement' },
  },
  {
    daysAgo: 4,
    localTime: '11:15',
    by: 'demo.sozialdienst',
    familyName: 'Becker',
    givenNames: 'Monika',
    purpose: { fileNumber: 'SD 1111-1111', reason: 'home_visit' },
  },
];
