import type { IncidentCategory } from '@zemag/contracts';
import type { NotificationLetterInput } from '../letters/notification-letter.js';
import type { PersonRecord } from '../persons/persons.repository.js';
import type { ListingJoined } from './listings.repository.js';

/** The listing's file number as printed in the letter. */
export function listingReference(listing: { id: string; proposedAt: Date }) {
  return `ZeMAG-${listing.proposedAt.getUTCFullYear()}-${listing.id.slice(0, 8).toUpperCase()}`;
}

/** What the letter says, from the listing, its person and its grounds. */
export function letterInput({
  found,
  person,
  precautions,
  settings,
  today,
  localDateOf,
}: {
  found: ListingJoined & {
    grounds: { occurredAt: Date; categories: string[] }[];
  };
  person: PersonRecord;
  precautions: string[];
  settings: NotificationLetterInput['settings'];
  today: string;
  localDateOf(instant: Date): string;
}): NotificationLetterInput {
  const l = found.listing;
  const current = person.addresses.find((a) => a.validTo === null) ?? null;
  return {
    settings,
    person: {
      familyName: person.person.familyName,
      givenNames: person.person.givenNames ?? '',
      address: current
        ? {
            street: current.street,
            houseNumber: current.houseNumber ?? '',
            postalCode: current.postalCode ?? '',
            city: current.city ?? '',
          }
        : null,
    },
    listing: {
      reference: listingReference(l),
      level: l.level === 3 ? 3 : 2,
      categories: l.categories as IncidentCategory[],
      precautions,
      validUntil: l.validUntil,
      activatedOn: localDateOf(l.activatedAt ?? l.proposedAt),
      incidents: found.grounds.map((g) => ({
        occurredOn: localDateOf(g.occurredAt),
        categories: g.categories as IncidentCategory[],
      })),
    },
    date: today,
  };
}
