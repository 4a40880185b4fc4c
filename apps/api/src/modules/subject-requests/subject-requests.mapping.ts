import type { SubjectRequest } from '@zemag/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { listings } from '../listings/listings.table.js';
import type { SubjectRequestJoined } from './subject-requests.repository.js';
import { deadlineOf } from './subject-requests.rules.js';

/** The person's proposed or active listing (a restriction request links to it). */
export async function openListingOf(db: DbOrTx, personId: string | null) {
  if (!personId) return null;
  const [row] = await db
    .select({ id: listings.id, status: listings.status, restricted: listings.restricted })
    .from(listings)
    .where(and(eq(listings.personId, personId), inArray(listings.status, ['proposed', 'active'])));
  return row ?? null;
}

/** A request as the API shows it: dates, deadline flags, answer; never the staff involved. */
export function toSubjectRequest(
  { request: r, person }: SubjectRequestJoined,
  today: string,
  listing: { id: string; status: string; restricted: boolean } | null,
): SubjectRequest {
  const deadline = deadlineOf(r, today);
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind as SubjectRequest['kind'],
    personId: r.personId,
    person: person
      ? {
          familyName: person.familyName,
          givenNames: person.givenNames,
          dateOfBirth: person.dateOfBirth,
        }
      : null,
    receivedOn: r.receivedOn,
    identityCheck: r.identityCheck,
    dueOn: r.dueOn,
    extendedDueOn: r.extendedDueOn,
    extensionReason: r.extensionReason,
    ...deadline,
    /** A restriction is to be decided by the request's (effective) due date. */
    decideBy: r.kind === 'restriction' ? deadline.effectiveDueOn : null,
    status: r.status as SubjectRequest['status'],
    decision: r.decision as SubjectRequest['decision'],
    decisionReason: r.decisionReason,
    answeredOn: r.answeredOn,
    erasureProposed: r.erasureProposedBy !== null,
    erasureProposedAt: r.erasureProposedAt?.toISOString() ?? null,
    listing,
  };
}
export type SubjectRequestView = ReturnType<typeof toSubjectRequest>;
