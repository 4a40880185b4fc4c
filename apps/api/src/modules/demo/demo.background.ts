import type { IncidentCategory } from '@zemag/contracts';
import { placeholderDigits } from '../anomalies/anomalies.rules.js';
import { DEFAULT_FILE_NUMBER_PATTERN, fileNumberMatches } from '../lookup/file-number.js';
import type { DemoPersonRecord } from './demo.register.data.js';

/**
 * The everyday background of Musterstadt's two years (issue 14: statistics with real numbers):
 * ordinary reports of every month, some persons reported again and again, listings that expire
 * or end, and look-ups in office hours. Generated, not typed: a fixed-seed PRNG over the city's
 * calendar, so the same seed moment gives the same background. Pure: no services, no clock.
 * Names are invented from common German, Turkish, Arabic, Polish and Russian names; none is the
 * family name of a demo employee (the anomaly rule `own_name` would flag it).
 */

/** mulberry32: a small, fast, deterministic PRNG (0 ≤ x < 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** Reports a month by calendar month (January first): fewer in the holidays, more in autumn. */
const SEASON = [5, 5, 5, 6, 6, 6, 5, 5, 6, 6, 6, 5];

const FAMILY_NAMES = [
  'Hoffmann',
  'Wagner',
  'Fischer',
  'Weber',
  'Schäfer',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Kaya',
  'Çelik',
  'Şahin',
  'Aydın',
  'Arslan',
  'Doğan',
  'Kılıç',
  'Khalil',
  'Mansour',
  'Saleh',
  'Haddou',
  'Nasser',
  'Kowalski',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Kaczmarek',
  'Smirnow',
  'Kusnezow',
  'Popow',
  'Morosow',
  'Petrow',
] as const;
/** Names field staff type that are in no report (most look-ups find nobody). */
const OTHER_NAMES = [
  'Bauer',
  'Schröder',
  'Friedrich',
  'Vogt',
  'Polat',
  'Aksoy',
  'Jabbour',
  'Sobczak',
  'Sokolow',
  'Engel',
  'Horn',
  'Brandt',
] as const;
const GIVEN_NAMES = [
  'Thomas',
  'Michael',
  'Andreas',
  'Stefanie',
  'Sabine',
  'Uwe',
  'Dirk',
  'Marco',
  'Nicole',
  'Sandra',
  'Ralf',
  'Peter',
  'Emre',
  'Hakan',
  'Ayşe',
  'Murat',
  'Ahmad',
  'Omar',
  'Rania',
  'Tariq',
  'Piotr',
  'Marek',
  'Ewa',
  'Tomasz',
  'Dmitri',
  'Wiktor',
  'Irina',
  'Alexej',
] as const;
const STREETS = [
  'Lindenallee',
  'Bahnhofstraße',
  'Am Markt',
  'Kirchweg',
  'Gartenstraße',
  'Mühlenweg',
  'Hafenstraße',
  'Schulstraße',
  'Bergstraße',
  'Ringstraße',
  'Am Sportplatz',
  'Eichendorffweg',
  'Goethestraße',
  'Talstraße',
  'Auf dem Kamp',
] as const;

/** Who reports, how often (weight), and what happens there. */
const REPORTERS = [
  { by: 'demo.vollstreckung', weight: 5, places: 'home', weekend: false },
  { by: 'demo.ordnungsdienst', weight: 5, places: 'street', weekend: true },
  { by: 'demo.sozialdienst', weight: 4, places: 'home', weekend: false },
  { by: 'demo.rettungsdienst', weight: 4, places: 'home', weekend: true },
  { by: 'demo.jugendamt', weight: 3, places: 'home', weekend: false },
  { by: 'demo.buergeramt', weight: 3, places: 'office', weekend: false },
  { by: 'demo.kaemmerei', weight: 2, places: 'office', weekend: false },
] as const;

/** What happened, by level: categories and a description (German, as staff write). */
const INCIDENTS: Record<1 | 2 | 3, { categories: IncidentCategory[]; text: string }[]> = {
  1: [
    { categories: ['insult'], text: 'Beleidigungen und Beschimpfungen während des Gesprächs.' },
    { categories: ['insult'], text: 'Der Mann beschimpfte die Kollegin lautstark vor Zeugen.' },
    {
      categories: ['insult', 'property_damage'],
      text: 'Beschimpfungen, danach warf er einen Stuhl um und beschädigte die Tür.',
    },
  ],
  2: [
    { categories: ['threat'], text: 'Drohung, „man sehe sich wieder“, mit erhobener Faust.' },
    { categories: ['threat'], text: 'Drohte, dem Kollegen „etwas anzutun“, wenn er wiederkomme.' },
    {
      categories: ['physical_violence'],
      text: 'Stieß den Kollegen weg und hielt ihn am Arm fest.',
    },
    {
      categories: ['coercion', 'threat'],
      text: 'Versperrte die Tür und verlangte, den Bescheid sofort aufzuheben.',
    },
    {
      categories: ['property_damage', 'threat'],
      text: 'Trat gegen das Dienstfahrzeug und drohte mit weiteren Schäden.',
    },
  ],
  3: [
    {
      categories: ['weapon_or_tool', 'threat'],
      text: 'Hielt ein Messer in der Hand und forderte die Kollegin auf zu gehen.',
    },
    {
      categories: ['weapon_or_tool', 'physical_violence'],
      text: 'Schlug mit einem Stock nach dem Kollegen; Rückzug, Polizei verständigt.',
    },
  ],
};

export interface BackgroundPerson {
  key: string;
  record: DemoPersonRecord;
}

export interface BackgroundReport {
  /** Local calendar date and time of the incident (city time zone). */
  date: string;
  time: string;
  reporter: string;
  level: 1 | 2 | 3;
  categories: IncidentCategory[];
  description: string;
  /** `office`: no address, a place description. */
  street: string | null;
  place: string;
  complaint: 'yes' | 'no' | 'unknown';
  person: { key: string } | { description: string };
  review: 'confirm' | 'reject';
}

export interface BackgroundListing {
  personKey: string;
  /** Indexes into the reports: the grounds, the latest last. */
  grounds: number[];
  /** How it ends within the two years: expiry after `months`, ended after `days`, or not. */
  fate: { kind: 'expires'; months: number } | { kind: 'ends'; days: number } | { kind: 'active' };
}

export interface BackgroundLookup {
  date: string;
  time: string;
  by: string;
  reason: string;
  fileNumber: string;
  query:
    | { familyName: string; givenNames: string; dateOfBirth?: string }
    | { street: string; houseNumber: string };
}

export interface DemoBackground {
  persons: BackgroundPerson[];
  reports: BackgroundReport[];
  listings: BackgroundListing[];
  lookups: BackgroundLookup[];
}

const DAY_MS = 86_400_000;
const dateAt = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekday = (date: string) => weekday(date) >= 1 && weekday(date) <= 5;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const clockTime = (random: Random, fromHour: number, toHour: number) => {
  const minutes = fromHour * 60 + Math.floor(random() * (toHour - fromHour) * 4) * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** The field staff's look-ups: their reasons (weighted) and file number forms. */
const LOOKERS = [
  {
    by: 'demo.ordnungsdienst',
    reasons: ['inspection', 'inspection', 'other', 'other'],
    file: 'OD',
  },
  {
    by: 'demo.vollstreckung',
    reasons: ['enforcement', 'office_appointment'],
    file: 'VZ',
  },
  {
    by: 'demo.sozialdienst',
    reasons: ['home_visit', 'home_visit', 'office_appointment'],
    file: 'SD',
  },
  { by: 'demo.jugendamt', reasons: ['home_visit', 'home_visit', 'other'], file: 'ASD' },
  { by: 'demo.rettungsdienst', reasons: ['home_visit', 'other'], file: 'RD' },
] as const;

const FILE_PATTERN = new RegExp(DEFAULT_FILE_NUMBER_PATTERN, 'u');

/** A file number of the department's form, never made-up digits (`1234`, `0000`). */
function fileNumber(random: Random, form: string, date: string): string {
  const year = date.slice(0, 4);
  for (;;) {
    const n = 100 + Math.floor(random() * 8900);
    const candidate =
      form === 'OD'
        ? `OD-${year.slice(2)}-${n}`
        : form === 'VZ'
          ? `VZ ${year}/${String(n).padStart(4, '0')}`
          : form === 'SD'
            ? `SD 50-${year}-${n}`
            : form === 'ASD'
              ? `ASD 51/${year}/${n}`
              : `RD 37-${year}-${n}`;
    if (fileNumberMatches(FILE_PATTERN, candidate) && !placeholderDigits(candidate)) {
      return candidate;
    }
  }
}

/**
 * The background for a seed on `today` (the city's local date): reports in the 24 calendar
 * months before the current one, up to `quietDays` before today (the last days belong to the
 * hand-written stories), look-ups on weekdays in office hours, none on the `busy` days
 * (`by|date`) of the hand-written look-ups.
 */
export function demoBackground({
  today,
  quietDays = 14,
  busy = new Set<string>(),
}: {
  today: string;
  quietDays?: number;
  busy?: Set<string>;
}): DemoBackground {
  const random = prng(0x2e3a6);
  const lastDay = dateAt(today, -quietDays);
  const [year, month] = today.split('-').map(Number) as [number, number];

  // persons: 40 invented people, each a distinct family name
  const persons: BackgroundPerson[] = FAMILY_NAMES.slice(0, 40).map((familyName, i) => {
    const birthYear = 1955 + Math.floor(random() * 45);
    const birthDay = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    return {
      key: `bg${i}`,
      record: {
        familyName,
        givenNames: pick(random, GIVEN_NAMES),
        dateOfBirth: i % 5 === 4 ? String(birthYear) : birthDay,
        address: {
          street: pick(random, STREETS),
          houseNumber: String(1 + Math.floor(random() * 60)),
          postalCode: pick(random, ['12345', '12346', '12347']),
          city: 'Musterstadt',
        },
      },
    };
  });
  // Repeat persons: the first 6 are reported again and again (3–4 times), the next 8 twice.
  const weights = persons.map((_, i) => (i < 6 ? 3.5 : i < 14 ? 2 : 1));
  const reportsOf = new Map<string, number>();
  const choosePerson = () => {
    const open = persons.filter((p, i) => (reportsOf.get(p.key) ?? 0) < Math.ceil(weights[i]!));
    const total = open.reduce((sum, p) => sum + weights[persons.indexOf(p)]!, 0);
    let x = random() * total;
    for (const p of open) {
      x -= weights[persons.indexOf(p)]!;
      if (x <= 0) return p;
    }
    return open.at(-1) ?? persons[0]!;
  };

  const reporterTotal = REPORTERS.reduce((sum, r) => sum + r.weight, 0);
  const reports: BackgroundReport[] = [];
  for (let back = 24; back >= 1; back--) {
    const m = (((month - 1 - back) % 12) + 12) % 12;
    const y = year + Math.floor((month - 1 - back) / 12);
    const first = `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const days: string[] = [];
    for (let d = first; d.slice(0, 7) === first.slice(0, 7) && d <= lastDay; d = dateAt(d, 1)) {
      days.push(d);
    }
    for (let n = 0; n < SEASON[m]! && days.length > 0; n++) {
      let x = random() * reporterTotal;
      const reporter = REPORTERS.find((r) => (x -= r.weight) <= 0) ?? REPORTERS[0];
      const usable = reporter.weekend ? days : days.filter(isWeekday);
      const date = pick(random, usable.length > 0 ? usable : days);
      const roll = random();
      const level = roll < 0.3 ? 1 : roll < 0.8 ? 2 : 3;
      const what = pick(random, INCIDENTS[level]);
      const rejected = random() < (level === 1 ? 0.45 : 0.12);
      // a name the registrars link to a person record in about four reports of ten
      const person: BackgroundReport['person'] =
        rejected || random() > 0.42
          ? {
              description: pick(random, [
                'Mann, etwa 30 Jahre',
                'Frau, etwa 50 Jahre',
                'Mann, etwa 45 Jahre, Name unbekannt',
              ]),
            }
          : { key: choosePerson().key };
      const key = 'key' in person ? person.key : null;
      if (key) reportsOf.set(key, (reportsOf.get(key) ?? 0) + 1);
      const record = key ? persons.find((p) => p.key === key)!.record : null;
      reports.push({
        date,
        time: reporter.weekend ? clockTime(random, 7, 22) : clockTime(random, 8, 16),
        reporter: reporter.by,
        level,
        categories: what.categories,
        description: what.text,
        street:
          reporter.places === 'office' ? null : (record?.address.street ?? pick(random, STREETS)),
        place:
          reporter.places === 'office'
            ? pick(random, [
                'Bürgeramt Nord, Schalter 1',
                'Stadthaus, Kasse',
                'Bürgeramt Süd, Wartebereich',
              ])
            : (record?.address.houseNumber ?? String(1 + Math.floor(random() * 60))),
        complaint: level >= 2 ? (random() < 0.8 ? 'yes' : 'unknown') : 'no',
        person,
        review: rejected ? 'reject' : 'confirm',
      });
    }
  }
  reports.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));

  // listings: for persons with a confirmed level-2+ report with a complaint (at most 16)
  const candidates = persons
    .map((p) => ({
      p,
      grounds: reports
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => 'key' in r.person && r.person.key === p.key && r.review === 'confirm'),
    }))
    .filter(({ grounds }) => grounds.some(({ r }) => r.level >= 2 && r.complaint === 'yes'))
    .slice(0, 16)
    .sort((a, b) => a.grounds.at(-1)!.r.date.localeCompare(b.grounds.at(-1)!.r.date));
  // The five most recent stay active; older ones expire after 6 or 9 months, or end early
  // (moved away) after two to four months.
  const listings: BackgroundListing[] = candidates.map(({ p, grounds }, n) => {
    const age = daysBetween(grounds.at(-1)!.r.date, today);
    const fate: BackgroundListing['fate'] =
      n >= candidates.length - 5
        ? { kind: 'active' }
        : n % 2 === 0 && age > 220
          ? { kind: 'expires', months: age > 400 ? 9 : 6 }
          : { kind: 'ends', days: 60 + (n % 3) * 30 };
    return { personKey: p.key, grounds: grounds.map(({ i }) => i), fate };
  });

  // look-ups: each field user looks up a few times a week, in office hours, on weekdays
  const lookups: BackgroundLookup[] = [];
  const start = dateAt(today, -730);
  for (const looker of LOOKERS) {
    const perDay = new Map<string, number>();
    for (let k = 0; k < 28; k++) {
      const date = dateAt(start, Math.floor(random() * daysBetween(start, lastDay)));
      if (!isWeekday(date) || busy.has(`${looker.by}|${date}`)) continue;
      if ((perDay.get(date) ?? 0) >= 2) continue;
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
      const byName = random() < 0.8;
      const known = random() < 0.25 ? pick(random, persons).record : null;
      lookups.push({
        date,
        time: clockTime(random, 8, 17),
        by: looker.by,
        reason: pick(random, looker.reasons),
        fileNumber: fileNumber(random, looker.file, date),
        query: byName
          ? known
            ? {
                familyName: known.familyName,
                givenNames: known.givenNames,
                ...(known.dateOfBirth ? { dateOfBirth: known.dateOfBirth } : {}),
              }
            : { familyName: pick(random, OTHER_NAMES), givenNames: pick(random, GIVEN_NAMES) }
          : { street: pick(random, STREETS), houseNumber: String(1 + Math.floor(random() * 60)) },
      });
    }
  }
  lookups.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
  return { persons, reports, listings, lookups };
}
