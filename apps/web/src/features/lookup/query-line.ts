import type { LookupRequest } from '@zemag/contracts';
import { formatBirthDate } from './birth-date';

/** "Maier, Klaus · 17.05.1980 · Bahnhofstr. 7a, 12345 Musterstadt": what was asked, in a line. */
export function queryLine(
  q: Pick<LookupRequest, 'familyName' | 'givenNames' | 'dateOfBirth' | 'address'>,
  language: string,
): string {
  const name = [q.familyName, q.givenNames].filter(Boolean).join(', ');
  const a = q.address;
  const street = a ? [a.street, a.houseNumber].filter(Boolean).join(' ') : '';
  const city = a ? [a.postalCode, a.city].filter(Boolean).join(' ') : '';
  const address = [street, city].filter(Boolean).join(', ');
  const date = q.dateOfBirth ? formatBirthDate(q.dateOfBirth, language) : '';
  return [name, date, address].filter(Boolean).join(' · ');
}
