import { looksLikeDate } from './german-date.js';
import { errorEntry, toEntry, type RawFields, type VisitListEntry } from './visit-list.fields.js';

/**
 * One free line of a visit list (no header row). The heuristic, in the order applied:
 *
 * 1. A letter directly followed by a digit is split (`Hauptstr.12` → `Hauptstr. 12`), then the
 *    line is cut into parts at `,`, `;` and tabs.
 * 2. A part is an **address part** when it has a five-digit postal code, a house number (digits
 *    with an optional letter, range or flat: `12`, `12a`, `12 a`, `12-14`, `32/5`; not a year),
 *    a compound street name (`Hauptstraße`, `Hauptstr.`, `Lindenallee`, `…platz`, `…gasse`;
 *    `…weg` only with a number, as `Hellweg` is a family name too), a separate street word
 *    after another word (`Kölner Straße`, `Kaiser Ring`; `Platz` or `Ring` alone are names),
 *    or a start such as `Am`, `Zum`, `An der`. Words before the street (`Meyer Hans 1980
 *    Hauptstraße 5`) are a name part of their own. In the address: a postal code and the words
 *    after it are postal code and city; the words up to the house number are the street, words
 *    after the number the city.
 * 3. Other parts are **name parts**; dates in them (`17.05.1980`, `17.5.1980`, `05.1980`,
 *    `1980`, `1980-05-17`, `1980-05`) are the date of birth. A name part right after an
 *    address part without a city is the city.
 * 4. Two name parts are family name and given names (`Meyer, Hans`). One name part of several
 *    words is family name first, then given names (`Yılmaz Ayşe`); particles stay with the
 *    family name (`von der Heide Klaus`). More than two name parts are refused.
 */
export function readFreeLine(input: string, line: number): VisitListEntry {
  const parts = spaced(input)
    .split(/[,;\t]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const names: string[] = [];
  const dates: string[] = [];
  const address: RawFields = {};
  let addressParts = 0;
  let cityOpen = false;
  for (const part of parts) {
    let tokens = part.split(/\s+/);
    if (isAddressPart(tokens)) {
      // `Meyer Hans 1980 Hauptstraße 5`: the words before the street are a name part.
      const start = streetStart(tokens);
      const read = readAddressTokens(tokens.slice(start));
      if (read.street && address.street) {
        return errorEntry(line, input, 'address.street', 'address.twice');
      }
      Object.assign(address, withoutEmpty(read));
      addressParts += 1;
      cityOpen = !address.city;
      if (start === 0) continue;
      tokens = tokens.slice(0, start);
      cityOpen = false;
    }
    const words: string[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (looksLikeDate(token)) dates.push(token);
      else if (/^(geb\.?|\*)$/i.test(token) && looksLikeDate(tokens[i + 1] ?? '')) continue;
      else words.push(token);
    }
    if (words.length === 0) continue;
    if (cityOpen && addressParts > 0) {
      address.city = words.join(' ');
      cityOpen = false;
    } else names.push(words.join(' '));
  }
  if (dates.length > 1) return errorEntry(line, input, 'dateOfBirth', 'date.twice');
  if (names.length > 2) return errorEntry(line, input, 'familyName', 'entry.too_many_names');
  const [familyName, givenNames] = names.length === 1 ? splitName(names[0]!) : [names[0], names[1]];
  return toEntry(line, input, { familyName, givenNames, dateOfBirth: dates[0], ...address });
}

/** An address written in one text (a CSV `Adresse` column): street, number, postal code, city. */
export function readAddress(text: string): RawFields {
  const fields: RawFields = {};
  for (const part of spaced(text).split(/[,;]/)) {
    const tokens = part
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    if (tokens.length === 0) continue;
    const read = readAddressTokens(tokens);
    if (!read.street && !read.postalCode && !fields.city && fields.street)
      fields.city = part.trim();
    else Object.assign(fields, withoutEmpty(read));
  }
  return fields;
}

function spaced(text: string) {
  return text.replace(/(\p{L}\.?)(\d)/gu, '$1 $2');
}

function withoutEmpty(fields: RawFields): RawFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as RawFields;
}

const POSTAL_CODE = /^\d{5}$/;
/** `12`, `12a`, `12-14`, `3a-d`, `32/5`: a house number (a year such as 1980 is not one). */
const HOUSE_NUMBER = /^\d{1,4}[a-z]?([-/]\d{0,4}[a-z]?)?$/i;
const STREET_SUFFIX = /(straße|strasse|str\.?|weg|platz|pl\.|allee|gasse|chaussee|promenade)$/i;
const STREET_WORDS = new Set([
  'ring',
  'weg',
  'damm',
  'ufer',
  'markt',
  'wall',
  'steig',
  'pfad',
  'platz',
  'straße',
  'strasse',
  'str.',
  'allee',
  'gasse',
]);
const STREET_STARTS = new Set([
  'am',
  'zum',
  'zur',
  'an der',
  'an dem',
  'an den',
  'auf der',
  'auf dem',
  'auf den',
  'in der',
  'in den',
  'hinter der',
  'hinter dem',
  'unter den',
]);

function isHouseNumber(token: string) {
  return HOUSE_NUMBER.test(token) && !looksLikeDate(token);
}

const hasLetters = (token: string) => /\p{L}/u.test(token);
/** `Hauptstraße`, `Lindenallee`, `Hauptstr.`: a street name with its suffix (not `Platz` alone). */
const isCompoundStreet = (token: string) => {
  const match = STREET_SUFFIX.exec(token);
  return match !== null && token.length - match[0].length >= 3;
};
const isStreetStart = (lower: string[], i: number) =>
  STREET_STARTS.has(lower[i]!) || STREET_STARTS.has(`${lower[i]} ${lower[i + 1]}`);

/**
 * A house number or postal code, a compound street name (`Hauptstraße`, `Lindenallee`), or a
 * street word after another word (`Kölner Straße 5`, `Am Markt`) makes an address part. A
 * street word alone (`Platz`, `Ring` are family names too) or a `…weg` without a number
 * (`Hellweg`) does not.
 */
function isAddressPart(tokens: string[]) {
  const lower = tokens.map((t) => t.toLowerCase());
  const numbered = tokens.some((t) => POSTAL_CODE.test(t) || isHouseNumber(t));
  return (
    numbered ||
    tokens.some((t) => isCompoundStreet(t) && !/weg$/i.test(t)) ||
    lower.some((t, i) => i > 0 && STREET_WORDS.has(t) && tokens.length > 1) ||
    (tokens.length > 1 && lower.some((_, i) => i < tokens.length - 1 && isStreetStart(lower, i)))
  );
}

const wordBefore = (index: number) => (index < 0 ? -1 : Math.max(0, index - 1));

/**
 * Where the street begins in an address part: at `Am`/`An der`/…, at a compound street name,
 * one word before a separate street word (`Kölner Straße`) or before the house number. Words
 * before it are a name (only words with letters, and dates).
 */
export function streetStart(tokens: string[]): number {
  const lower = tokens.map((t) => t.toLowerCase());
  const candidates = [
    lower.findIndex((_, i) => isStreetStart(lower, i)),
    tokens.findIndex(isCompoundStreet),
    wordBefore(lower.findIndex((t, i) => i > 0 && STREET_WORDS.has(t))),
    wordBefore(tokens.findIndex((t) => isHouseNumber(t))),
    tokens.findIndex((t) => POSTAL_CODE.test(t)),
  ].filter((i) => i >= 0);
  const start = candidates.length > 0 ? Math.min(...candidates) : 0;
  const before = tokens.slice(0, start);
  return before.every((t) => hasLetters(t) || looksLikeDate(t)) ? start : 0;
}

function readAddressTokens(tokens: string[]): RawFields {
  const fields: RawFields = {};
  let rest = tokens;
  const postal = tokens.findIndex((t) => POSTAL_CODE.test(t));
  if (postal !== -1) {
    fields.postalCode = tokens[postal];
    fields.city = tokens.slice(postal + 1).join(' ');
    rest = tokens.slice(0, postal);
  }
  const number = rest.findIndex(isHouseNumber);
  if (number === -1) {
    fields.street = rest.join(' ');
    return fields;
  }
  let end = number + 1;
  // `12 a`: a single letter after the number belongs to it.
  if (/^[a-z]$/i.test(rest[end] ?? '')) end += 1;
  fields.houseNumber = rest.slice(number, end).join(' ');
  if (number === 0) {
    // `12 Hauptstraße` (number first): the words after it are the street.
    fields.street = rest.slice(end).join(' ');
  } else {
    fields.street = rest.slice(0, number).join(' ');
    if (!fields.city) fields.city = rest.slice(end).join(' ');
  }
  return fields;
}

const PARTICLES = new Set([
  'von',
  'vom',
  'van',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'zu',
  'zur',
  'ten',
  'ter',
  'al',
  'el',
  'bin',
  'ibn',
  'abu',
]);

/** `Yılmaz Ayşe` → family `Yılmaz`, given `Ayşe`; `von der Heide Klaus` → `von der Heide`, `Klaus`. */
export function splitName(text: string): [string, string | undefined] {
  const words = text.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has(words[i]!.toLowerCase())) i += 1;
  const family = words.slice(0, i + 1).join(' ');
  const given = words.slice(i + 1).join(' ');
  return [family, given || undefined];
}
