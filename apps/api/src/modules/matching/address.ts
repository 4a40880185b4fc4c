import { foldToken, transliterate } from './normalise.js';

/**
 * German address parsing and normalisation for the look-up. The keys it produces are plain
 * ASCII without spaces, so "Kölner Straße", "Koelner Str." and "Kölnerstr." share the key
 * "kolnerstrasse" and can be compared with = or pg_trgm in SQL.
 */

/** Abbreviations that stand for a whole word (libpostal's German dictionaries, trimmed). */
const WORD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  str: 'strasse',
  pl: 'platz',
  bgm: 'buergermeister',
  bhf: 'bahnhof',
  bf: 'bahnhof',
  br: 'bruecke',
  st: 'sankt',
  dr: 'doktor',
  prof: 'professor',
  gr: 'grosse',
  kl: 'kleine',
  dt: 'deutsch',
  ehem: 'ehemalige',
  gebr: 'gebrueder',
  hint: 'hinter',
  int: 'internationale',
  vd: 'vordere',
  vord: 'vordere',
  rww: 'rundwanderweg',
  sdlg: 'siedlung',
  v: 'von',
};

/** Abbreviated endings of a street name written as one word: "Gartenstr." → "gartenstrasse". */
const SUFFIX_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['str', 'strasse'],
  ['pl', 'platz'],
];

/** The words of a street name with abbreviations written out. */
function streetWords(street: string): string[] {
  const words = transliterate(street).split(' ').filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    const whole = WORD_ABBREVIATIONS[word];
    if (whole) {
      out.push(whole);
      continue;
    }
    const suffix = SUFFIX_ABBREVIATIONS.find(([abbr]) => word.endsWith(abbr) && word.length > 4);
    out.push(suffix ? word.slice(0, -suffix[0].length) + suffix[1] : word);
  }
  return out;
}

/**
 * The comparison key of a street name: "Kölner Straße" / "Koelner-Str." / "Kölnerstr." →
 * "kolnerstrasse"; "St.-Apern-Str." → "sanktapernstrasse"; "Straße des 17. Juni" →
 * "strassedes17juni". Umlaut spellings are folded like names (ö, oe and o compare equal).
 */
export function streetKey(street: string): string {
  return streetWords(street)
    .filter((word) => word !== 'nr')
    .map(foldToken)
    .join('');
}

/**
 * The key a street with numbers in its name is recognised by: words and numbers stay apart
 * ("Straße 73" = "Str. 73" = "Strasse73", but "Stra ße 73" is not), and "Nr." counts.
 */
function numberedStreetKey(street: string): string {
  return streetWords(street.replace(/(\p{L})(?=\d)|(\d)(?=\p{L})/gu, '$1$2 '))
    .map(foldToken)
    .join(' ');
}

/** The comparison key of a city name: "Köln" / "Koeln" / "Koln" → "koln". */
export function cityKey(city: string): string {
  return transliterate(city).split(' ').filter(Boolean).map(foldToken).join('');
}

/** Street names that contain numbers ("Straße 73", "P 111", "D 4"), looked up by key. */
export interface KnownStreets {
  has(key: string): boolean;
}

/** A lookup of known street names with numbers in them (e.g. a city's street register). */
export function createKnownStreets(names: Iterable<string>): KnownStreets {
  const keys = new Set<string>();
  for (const name of names) keys.add(numberedStreetKey(name));
  return keys;
}

/** A street line split into street name, house number and whatever follows the number. */
export interface StreetLine {
  street: string;
  /** Digits of the house number, "" when there is none. */
  houseNumber: string;
  /** Text after the digits: suffix letters, a range, a flat ("a", "-14", "/5", "am 3. Schafott"). */
  affix: string;
}

const NUMBER_START = /^[\s,]*(?:nr\.?\s*)?(\d+)(.*)$/i;
const TRAILING_SEPARATORS = /[\s,+\-–]+$/;

function splitAfter(text: string, streetEnd: number): StreetLine | undefined {
  const street = text.slice(0, streetEnd).replace(TRAILING_SEPARATORS, '');
  const rest = text.slice(streetEnd);
  if (rest.trim() === '') return { street: text, houseNumber: '', affix: '' };
  const match = NUMBER_START.exec(rest);
  if (!match || street === '') return undefined;
  return { street, houseNumber: match[1] as string, affix: (match[2] as string).trim() };
}

/** Cut points between two characters that do not continue one run of digits or letters. */
function cutPoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    const a = text[i - 1] as string;
    const b = text[i];
    if (b === undefined) points.push(i);
    else if (/\d/.test(a) && /\d/.test(b)) continue;
    else if (/\p{L}/u.test(a) && /\p{L}/u.test(b)) continue;
    else points.push(i);
  }
  return points;
}

/** Roads numbered by the state: "Bundesstraße 2", "Landesstr. 12", "Kreisstr 5". */
const NUMBERED_ROAD = /^(.*?(?:bundes|landes|kreis|staats)(?:straße|strasse|str\.?)\s*\d+)(?!\d)/i;
/** Mannheim's squares: a letter A–U and a digit 1–7 ("D 4", "Q7"). */
const MANNHEIM_SQUARE = /^[A-U]\s?[1-7](?!\d)/;

/**
 * Splits a street line into street, house number and affix: "Gartenstr. 25a" →
 * { street: "Gartenstr.", houseNumber: "25", affix: "a" }; "Heideweg 3-5" → affix "-5";
 * "Bundesstraße 1 25" → street "Bundesstraße 1"; "D 4 3b" (Mannheim) → street "D 4".
 * `knownStreets` lists street names that contain numbers themselves ("Straße 73").
 */
export function splitStreetLine(input: string, knownStreets?: KnownStreets): StreetLine {
  const text = input.trim().replace(/\s+/g, ' ');
  const whole: StreetLine = { street: text, houseNumber: '', affix: '' };
  if (knownStreets) {
    const known = cutPoints(text)
      .filter((end) => knownStreets.has(numberedStreetKey(text.slice(0, end))))
      .pop();
    if (known !== undefined) return splitAfter(text, known) ?? whole;
  }
  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const split = splitAfter(text, comma);
    if (split) return split;
  }
  for (const pattern of [NUMBERED_ROAD, MANNHEIM_SQUARE]) {
    const match = pattern.exec(text);
    if (match) return splitAfter(text, match[0].length) ?? whole;
  }
  const generic = /\p{L}[^\d]*?(?=\d)/u.exec(text);
  if (generic) {
    const split = splitAfter(text, generic.index + generic[0].length);
    if (split) return split;
  }
  return whole;
}

/** A house number: 12, 12a, 12 A, 12-14 (a range), 12a-c. */
export interface HouseNumber {
  number: number;
  /** Lower-case letter suffix, "" when none. */
  suffix: string;
  /** Last number of a range ("12-14" → 14). */
  to?: number;
  /** Suffix of the end of a range ("12a-c" → "c"; "12a-12c" → "c"). */
  toSuffix?: string;
}

/**
 * Parses a house number with suffix or range: "12a", "12 A", "12-14", "12 - 14a", "12a-c",
 * "12/14". Whatever follows (a flat, a note) is ignored; undefined when no number is found.
 */
export function parseHouseNumber(text: string): HouseNumber | undefined {
  const match =
    /^\s*(?:nr\.?\s*)?(\d+)\s*([a-z](?![a-z]))?(?:\s*[-–/]\s*(?:(\d+)\s*([a-z](?![a-z]))?|([a-z])(?![a-z])))?/i.exec(
      text,
    );
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = (match[2] ?? '').toLowerCase();
  const result: HouseNumber = { number, suffix };
  if (match[3] !== undefined) {
    const to = Number(match[3]);
    // "32/5" is a house and its flat or building, not a range: only rising numbers are ranges.
    if (to > number) {
      result.to = to;
      if (match[4]) result.toSuffix = match[4].toLowerCase();
    }
  } else if (match[5] && suffix) {
    result.to = number;
    result.toSuffix = match[5].toLowerCase();
  }
  return result;
}

/** The comparison key of a house number: "12a", "12-14", "12a-c". */
export function houseNumberKey(house: HouseNumber): string {
  const start = `${house.number}${house.suffix}`;
  if (house.to === undefined) return start;
  return house.to === house.number
    ? `${start}-${house.toSuffix ?? ''}`
    : `${start}-${house.to}${house.toSuffix ?? ''}`;
}

/** True when a stored house number (maybe a range) covers the number that was asked for. */
export function houseNumberCovers(stored: HouseNumber, asked: HouseNumber): boolean {
  if (stored.to === undefined) {
    return (
      stored.number === asked.number && (asked.suffix === '' || stored.suffix === asked.suffix)
    );
  }
  if (stored.to === stored.number) {
    const last = stored.toSuffix ?? stored.suffix;
    return (
      asked.number === stored.number &&
      (asked.suffix === '' || (asked.suffix >= stored.suffix && asked.suffix <= last))
    );
  }
  return asked.number >= stored.number && asked.number <= stored.to;
}

/** A parsed address with its comparison keys. */
export interface ParsedAddress {
  street: string;
  streetKey: string;
  houseNumber?: HouseNumber;
  /** The house number key ("12a", "12-14"), "" when none. */
  houseNumberKey: string;
  postalCode?: string;
  city?: string;
  cityKey?: string;
  /** Street key and house number key, e.g. "gartenstrasse 25a": the key to compare within a city. */
  key: string;
}

const POSTAL_CITY = /(?:^|[\s,])(?:D\s*-\s*)?(\d{5})(?:\s+([^\d,]+?))?\s*$/;

/**
 * Parses a one-line German address: "Gartenstr. 25a, 50667 Köln", "Kölner Straße 12 A",
 * "Heideweg 3-5 50667 Köln", "Hauptstraße 5, Köln".
 */
export function parseAddress(input: string, knownStreets?: KnownStreets): ParsedAddress {
  let text = input.replace(/\s+/g, ' ').trim();
  let postalCode: string | undefined;
  let city: string | undefined;
  const postal = POSTAL_CITY.exec(text);
  if (postal && postal.index > 0) {
    postalCode = postal[1];
    city = postal[2]?.trim();
    text = text.slice(0, postal.index);
  } else {
    const comma = text.lastIndexOf(',');
    const last = comma > 0 ? text.slice(comma + 1).trim() : '';
    if (last !== '' && !/\d/.test(last)) {
      city = last;
      text = text.slice(0, comma);
    }
  }
  const line = splitStreetLine(text.replace(/[\s,]+$/, ''), knownStreets);
  const houseNumber = line.houseNumber
    ? parseHouseNumber(`${line.houseNumber} ${line.affix}`)
    : undefined;
  const key = streetKey(line.street);
  const houseKey = houseNumber ? houseNumberKey(houseNumber) : '';
  return {
    street: line.street,
    streetKey: key,
    ...(houseNumber ? { houseNumber } : {}),
    houseNumberKey: houseKey,
    ...(postalCode ? { postalCode } : {}),
    ...(city ? { city, cityKey: cityKey(city) } : {}),
    key: houseKey ? `${key} ${houseKey}` : key,
  };
}
