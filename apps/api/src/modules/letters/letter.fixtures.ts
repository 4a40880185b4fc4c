import type { NotificationLetterInput } from './letter.content.js';
import { readLetterheadSettings } from './letter.settings.js';

/** A realistic letter input for tests and the sample; override any part. */
export function buildLetterInput(
  overrides: Partial<Omit<NotificationLetterInput, 'listing' | 'person'>> & {
    person?: Partial<NotificationLetterInput['person']>;
    listing?: Partial<NotificationLetterInput['listing']>;
  } = {},
): NotificationLetterInput {
  const { person, listing, ...rest } = overrides;
  return {
    settings: readLetterheadSettings({}),
    date: '2027-03-09',
    ...rest,
    person: {
      familyName: 'Yılmaz-Öztürk',
      givenNames: 'Łukasz',
      address: {
        street: 'Kastanienallee',
        houseNumber: '12a',
        postalCode: '12345',
        city: 'Musterstadt',
      },
      ...person,
    },
    listing: {
      reference: 'ZeMAG-2027-0042',
      level: 2,
      categories: ['threat', 'coercion'],
      precautions: ['nur zu zweit', 'Alarm vor Betreten aktivieren', 'Hund bekannt'],
      validUntil: '2029-03-07',
      activatedOn: '2027-03-09',
      incidents: [
        { occurredOn: '2027-03-07', categories: ['threat', 'coercion'] },
        { occurredOn: '2026-11-20', categories: ['threat'] },
      ],
      ...listing,
    },
  };
}
