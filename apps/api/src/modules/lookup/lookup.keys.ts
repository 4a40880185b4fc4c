import {
  houseNumberKey,
  parseHouseNumber,
  splitStreetLine,
  streetKey,
  cityKey,
} from '../matching/address.js';
import type { HouseNumber } from '../matching/address.js';
import { parsePartialDate, type PartialDate, UNKNOWN_DATE } from '../matching/date-of-birth.js';
import { koelnerPhonetikWord } from '../matching/koelner-phonetik.js';
import { prepareName } from '../matching/name-match.js';

/**
 * Pure derivation of the search keys (lookup.table.ts) from a person record, and of the same
 * keys from what was asked, so the index and the query can never disagree on normalisation.
 */

/** A person record as far as the search keys need it. */
export interface PersonForKeys {
  id: string;
  familyName: string;
  givenNames: string | null;
  dateOfBirth: string | null;
  names: readonly { kind: string; familyName: string; givenNames: string | null }[];
  addresses: readonly {
    street: string;
    houseNumber: string | null;
    postalCode: string | null;
    city: string | null;
  }[];
}

export interface NameKeyRow {
  personId: string;
  nameKind: string;
  word: string;
  givenWord: string | null;
  givenCode: string | null;
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
}

export interface AddressKeyRow {
  personId: string;
  streetKey: string;
  houseNumber: number | null;
  postalCode: string | null;
  cityKey: string | null;
}

export interface SearchKeys {
  names: NameKeyRow[];
  words: { word: string; code: string }[];
  addresses: AddressKeyRow[];
}

/**
 * The indexed words of a family name: each significant folded word, and for a name of several
 * words also the words written together ("Müller-Lüdenscheidt" → muller, ludenscheidt,
 * mullerludenscheidt), so a double name is found by either part and when typed as one word.
 */
export function familyNameWords(name: string): string[] {
  const folded = prepareName(name).folded.filter((w) => w !== '');
  const words = new Set(folded);
  if (folded.length > 1) words.add(folded.join(''));
  return [...words];
}

/** The first folded given name and its phonetic code (the name-only search prefers these). */
export function firstGivenName(givenNames: string | null | undefined) {
  const word = givenNames ? prepareName(givenNames).folded[0] : undefined;
  return word ? { word, code: koelnerPhonetikWord(word) } : null;
}

/** A stored or asked date of birth as a partial date; unreadable text counts as unknown. */
export function dateOf(text: string | null | undefined): PartialDate {
  return (text && parsePartialDate(text)) || UNKNOWN_DATE;
}

function dateParts(date: PartialDate) {
  return {
    birthYear: date.precision === 'unknown' ? null : date.year,
    birthMonth: date.precision === 'day' || date.precision === 'month' ? date.month : null,
    birthDay: date.precision === 'day' ? date.day : null,
  };
}

/** Street, house number, postal code and city of an address in comparison keys. */
export function addressKeysOf(address: {
  street: string;
  houseNumber?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
}): {
  streetKey: string;
  houseNumber: HouseNumber | undefined;
  houseKey: string;
  postalCode: string | undefined;
  cityKey: string | undefined;
} {
  let street = address.street;
  let house = address.houseNumber?.trim() || undefined;
  if (!house) {
    // "Gartenstr. 25a" typed into the street field.
    const line = splitStreetLine(street);
    if (line.houseNumber) {
      street = line.street;
      house = `${line.houseNumber} ${line.affix}`;
    }
  }
  const houseNumber = house ? parseHouseNumber(house) : undefined;
  const postal = address.postalCode?.trim() || undefined;
  const city = address.city?.trim() ? cityKey(address.city) : undefined;
  return {
    streetKey: streetKey(street),
    houseNumber,
    houseKey: houseNumber ? houseNumberKey(houseNumber) : '',
    postalCode: postal,
    cityKey: city || undefined,
  };
}

/** Every search key of one person. A merged record has none: it is found through the survivor. */
export function searchKeysOf(person: PersonForKeys): SearchKeys {
  const date = dateParts(dateOf(person.dateOfBirth));
  const variants = [
    { kind: 'primary', familyName: person.familyName, givenNames: person.givenNames },
    ...person.names.map((n) => ({
      kind: n.kind,
      familyName: n.familyName,
      // An alias without given names keeps the person's given names.
      givenNames: n.givenNames ?? person.givenNames,
    })),
  ];
  const names: NameKeyRow[] = [];
  const seen = new Set<string>();
  const words = new Map<string, string>();
  for (const variant of variants) {
    const given = firstGivenName(variant.givenNames);
    const familyWords = familyNameWords(variant.familyName);
    // Without a family name the row still carries given name and date of birth ('' finds nobody by name).
    for (const word of familyWords.length > 0 ? familyWords : given ? [''] : []) {
      const key = `${word}|${given?.word ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (word !== '') words.set(word, koelnerPhonetikWord(word));
      names.push({
        personId: person.id,
        nameKind: variant.kind,
        word,
        givenWord: given?.word ?? null,
        givenCode: given?.code ?? null,
        ...date,
      });
    }
  }
  const addresses: AddressKeyRow[] = [];
  const seenAddresses = new Set<string>();
  for (const address of person.addresses) {
    const keys = addressKeysOf(address);
    if (keys.streetKey === '') continue;
    const row: AddressKeyRow = {
      personId: person.id,
      streetKey: keys.streetKey,
      houseNumber: keys.houseNumber?.number ?? null,
      postalCode: keys.postalCode ?? null,
      cityKey: keys.cityKey ?? null,
    };
    const key = JSON.stringify(row);
    if (seenAddresses.has(key)) continue;
    seenAddresses.add(key);
    addresses.push(row);
  }
  return { names, words: [...words].map(([word, code]) => ({ word, code })), addresses };
}
