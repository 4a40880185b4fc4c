import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { departments } from '../modules/departments/departments.table.js';
import type { FixturePerson } from '../modules/lookup/lookup.fixtures.js';

/**
 * Synthetic persons for `zemag bench lookup`: German names weighted by frequency (the gecko
 * lists in ../shared/data/names, CC BY-SA, German Wiktionary; built-in short lists otherwise)
 * plus Turkish, Arabic, Polish and Russian names, with typos and partial dates of birth.
 */

export type Random = () => number;

/** mulberry32: a small deterministic generator, so every run loads the same persons. */
export function makeRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOREIGN_FAMILY = [
  'Yılmaz',
  'Kaya',
  'Demir',
  'Şahin',
  'Çelik',
  'Yıldız',
  'Öztürk',
  'Aydın',
  'Özdemir',
  'Arslan',
  'Doğan',
  'Kılıç',
  'Aslan',
  'Çetin',
  'Kara',
  'Koç',
  'Kurt',
  'Özkan',
  'Şimşek',
  'Polat',
  'Al-Hassan',
  'Haddad',
  'Khalil',
  'Ibrahim',
  'Mahmoud',
  'Abdullah',
  'Al-Masri',
  'Saleh',
  'Nasser',
  'Mansour',
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Iwanow',
  'Smirnow',
  'Kusnezow',
  'Popow',
  'Wassiljew',
  'Petrow',
  'Sokolow',
  'Michailow',
  'Nowikow',
  'Fjodorow',
];
const FOREIGN_GIVEN = [
  'Mehmet',
  'Mustafa',
  'Ahmet',
  'Ayşe',
  'Fatma',
  'Emine',
  'Hülya',
  'Elif',
  'Murat',
  'Hüseyin',
  'Mohammed',
  'Ahmad',
  'Fatima',
  'Mariam',
  'Omar',
  'Youssef',
  'Layla',
  'Khaled',
  'Hassan',
  'Aisha',
  'Łukasz',
  'Piotr',
  'Krzysztof',
  'Agnieszka',
  'Małgorzata',
  'Katarzyna',
  'Tomasz',
  'Paweł',
  'Anna',
  'Joanna',
  'Sergej',
  'Dmitri',
  'Olga',
  'Natalja',
  'Iwan',
  'Jelena',
  'Alexej',
  'Swetlana',
  'Wladimir',
  'Tatjana',
];
const GERMAN_FAMILY_FALLBACK = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
];
const GERMAN_GIVEN_FALLBACK = [
  'Peter',
  'Wolfgang',
  'Michael',
  'Thomas',
  'Andreas',
  'Ursula',
  'Monika',
  'Petra',
];
const STREETS_FALLBACK = [
  ['Hauptstraße', 'Köln', '50667'],
  ['Gartenweg', 'Bonn', '53111'],
] as const;

interface Weighted {
  items: string[];
  cumulative: number[];
}

function weighted(rows: [string, number][]): Weighted {
  let total = 0;
  const cumulative = rows.map(([, count]) => (total += count));
  return { items: rows.map(([name]) => name), cumulative };
}

function pickWeighted(list: Weighted, random: Random) {
  const total = list.cumulative[list.cumulative.length - 1]!;
  const target = random() * total;
  let lo = 0;
  let hi = list.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return list.items[lo]!;
}

function readCsv(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(','));
}

export interface NameLists {
  family: Weighted;
  given: Weighted;
  streets: (readonly [string, string, string])[];
  /** Which lists these are, as the bench prints and records it (`names_source`). */
  source: string;
}

/** The bench's short built-in lists: 10 family and 8 given names, a register full of namesakes. */
export function builtInNameLists(): NameLists {
  return {
    family: weighted(GERMAN_FAMILY_FALLBACK.map((n) => [n, 1])),
    given: weighted(GERMAN_GIVEN_FALLBACK.map((n) => [n, 1])),
    streets: [...STREETS_FALLBACK],
    source: 'built-in short lists',
  };
}

/** Whether `namesDir` holds the gecko family and given name lists. */
export function hasGeckoLists(namesDir: string) {
  return (
    fs.existsSync(path.join(namesDir, 'gecko_de_last_names.csv')) &&
    fs.existsSync(path.join(namesDir, 'gecko_de_given_names_gender.csv'))
  );
}

/**
 * The gecko lists from `namesDir` (default ../shared/data/names from the working directory), or
 * the short built-in lists when they are not there; `source` says which.
 */
export function loadNameLists(namesDir = '../shared/data/names'): NameLists {
  const dir = path.resolve(namesDir);
  if (!hasGeckoLists(dir)) return builtInNameLists();
  const streets = path.join(dir, '../address/gecko_de_street_municipality_postcode.csv');
  const lastNames = path.join(dir, 'gecko_de_last_names.csv');
  const givenNames = path.join(dir, 'gecko_de_given_names_gender.csv');
  return {
    family: weighted(readCsv(lastNames).map(([n, c]) => [n!, Number(c)])),
    given: weighted(readCsv(givenNames).map(([n, c]) => [n!, Number(c)])),
    streets: fs.existsSync(streets)
      ? readCsv(streets).map(([s, m, p]) => [s!, m!, p!] as const)
      : [...STREETS_FALLBACK],
    source: `gecko lists at ${dir}`,
  };
}

const LETTERS = 'abcdefghiklmnoprstuwz';

/** One realistic typo: a letter dropped, doubled, replaced or two swapped. */
export function typo(name: string, random: Random): string {
  if (name.length < 4) return name;
  const i = 1 + Math.floor(random() * (name.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    case 2:
      return name.slice(0, i) + LETTERS[Math.floor(random() * LETTERS.length)] + name.slice(i + 1);
    default:
      return name.slice(0, i - 1) + name[i] + name[i - 1] + name.slice(i + 1);
  }
}

const SOUND_ALIKES: [RegExp, string][] = [
  [/ei/g, 'ai'],
  [/ey/g, 'ei'],
  [/ü/g, 'ue'],
  [/ö/g, 'oe'],
  [/ä/g, 'ae'],
  [/ß/g, 'ss'],
  [/dt/g, 't'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ı/g, 'i'],
  [/ş/g, 's'],
  [/ck/g, 'k'],
  [/tz/g, 'z'],
  [/w$/g, 'v'],
];

/** The same name as heard and written by someone else (Meyer → Meier, Müller → Mueller). */
export function phoneticVariant(name: string): string {
  for (const [pattern, replacement] of SOUND_ALIKES) {
    if (pattern.test(name)) return name.replace(pattern, replacement);
  }
  return name;
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** One synthetic listed person. */
export function syntheticPerson(lists: NameLists, random: Random): FixturePerson & { id: string } {
  const foreign = random() < 0.25;
  let family = foreign
    ? FOREIGN_FAMILY[Math.floor(random() * FOREIGN_FAMILY.length)]!
    : pickWeighted(lists.family, random);
  if (random() < 0.05) family = `${family}-${pickWeighted(lists.family, random)}`;
  // Register data is not clean either: a few stored names carry a typo.
  if (random() < 0.05) family = typo(family, random);
  const given = foreign
    ? FOREIGN_GIVEN[Math.floor(random() * FOREIGN_GIVEN.length)]!
    : pickWeighted(lists.given, random);
  const year = 1935 + Math.floor(random() * 75);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const precision = random();
  const dateOfBirth =
    precision < 0.85 ? `${year}-${pad(month)}-${pad(day)}` : precision < 0.95 ? String(year) : null;
  const [street, city, postalCode] = lists.streets[Math.floor(random() * lists.streets.length)]!;
  return {
    id: randomUUID(),
    familyName: family,
    givenNames: given,
    dateOfBirth,
    names:
      random() < 0.05 ? [{ kind: 'former', familyName: pickWeighted(lists.family, random) }] : [],
    addresses: [{ street, houseNumber: String(1 + Math.floor(random() * 150)), postalCode, city }],
    listing: { status: 'active', level: 2 + Math.floor(random() * 2) },
  };
}

/** A department authorised for look-ups, for the benchmark's field account. */
export async function authorisedBenchDepartment(db: Db) {
  const now = new Date();
  const [row] = await db
    .insert(departments)
    .values({
      code: `BENCH-${randomUUID().slice(0, 8)}`,
      name: 'Ordnungsamt (Benchmark)',
      lookupAuthorised: true,
      lookupAuthorisationReason: 'Hausbesuche',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!.id;
}
