import type { LocalizedText, VisitListQuery } from '@zemag/contracts';
import { parseGermanDate } from './german-date.js';
import { messageOf, type VisitMessage } from './visit-list.messages.js';

/** One entry of a visit list as read: what it will be looked up as, or why it cannot be. */
export interface VisitListEntry {
  /** 1-based line number in the text as sent (the first line of a multi-line CSV record). */
  line: number;
  /** The line as given (trimmed). */
  input: string;
  query: VisitListQuery | null;
  error: { field: string; message: LocalizedText } | null;
}

/** The fields of an entry as text, before they are checked. */
export interface RawFields {
  familyName?: string | undefined;
  givenNames?: string | undefined;
  dateOfBirth?: string | undefined;
  street?: string | undefined;
  houseNumber?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
}

/** The longest values the look-up accepts (`LookupRequest`). */
const LIMITS = { familyName: 100, givenNames: 100, street: 200, houseNumber: 20, city: 100 };

/** An entry that is not looked up, with the field at fault and why. */
export function errorEntry(
  line: number,
  input: string,
  field: string,
  code: VisitMessage,
): VisitListEntry {
  return { line, input, query: null, error: { field, message: messageOf(code) } };
}

/** A name or street the look-up can search by has at least one letter. */
export function hasLetters(text: string | undefined) {
  return text !== undefined && /\p{L}/u.test(text);
}

/**
 * Checks the fields of one entry the way the look-up would (lengths, date, postal code, a
 * family name or a street) and builds its query; the first problem names its field.
 */
export function toEntry(line: number, input: string, raw: RawFields): VisitListEntry {
  const fail = (field: string, code: VisitMessage) => errorEntry(line, input, field, code);
  const v = (text: string | undefined) => (text ?? '').trim();
  const familyName = v(raw.familyName);
  const givenNames = v(raw.givenNames);
  const street = v(raw.street);
  const houseNumber = v(raw.houseNumber);
  const postalCode = v(raw.postalCode);
  const city = v(raw.city);
  if (familyName.length > LIMITS.familyName) return fail('familyName', 'value.too_long');
  if (givenNames.length > LIMITS.givenNames) return fail('givenNames', 'value.too_long');
  const query: VisitListQuery = {};
  if (familyName) query.familyName = familyName;
  if (givenNames) query.givenNames = givenNames;
  if (v(raw.dateOfBirth)) {
    const parsed = parseGermanDate(v(raw.dateOfBirth));
    if (!parsed.ok) return fail('dateOfBirth', 'date.invalid');
    query.dateOfBirth = parsed.date;
  }
  if (street.length > LIMITS.street) return fail('address.street', 'value.too_long');
  if (houseNumber.length > LIMITS.houseNumber) {
    return fail('address.houseNumber', 'value.too_long');
  }
  if (city.length > LIMITS.city) return fail('address.city', 'value.too_long');
  if (postalCode && !/^\d{5}$/.test(postalCode)) {
    return fail('address.postalCode', 'postal_code.invalid');
  }
  if (street) {
    query.address = {
      street,
      ...(houseNumber ? { houseNumber } : {}),
      ...(postalCode ? { postalCode } : {}),
      ...(city ? { city } : {}),
    };
  } else if ((houseNumber || postalCode || city) && !hasLetters(familyName)) {
    return fail('address.street', 'street.required');
  }
  if (!hasLetters(query.familyName) && !(query.address && hasLetters(query.address.street))) {
    return fail(
      familyName ? 'familyName' : street ? 'address.street' : 'familyName',
      'entry.too_vague',
    );
  }
  return { line, input, query, error: null };
}
