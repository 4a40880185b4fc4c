import type { Person } from '@zemag/contracts';
import type { ReviewApi } from '../review/review.api';

/** How many of the person's reports are searched for duplicates (each costs two calls). */
const REPORTS_SEARCHED = 5;

/** Other records suggested for the reports this person is linked to: the likely duplicates. */
export async function mergeCandidates(
  review: Pick<ReviewApi, 'personIncidents' | 'incident' | 'suggestions'>,
  person: Person,
): Promise<Person[]> {
  const reports = (await review.personIncidents(person.id)).slice(0, REPORTS_SEARCHED);
  const found = new Map<string, Person>();
  for (const report of reports) {
    const incident = await review.incident(report.id);
    for (const involved of incident.persons.filter((p) => p.personId === person.id)) {
      for (const { person: candidate } of await review.suggestions(incident.id, involved.id)) {
        if (candidate.id !== person.id && candidate.mergedIntoId === null) {
          found.set(candidate.id, candidate);
        }
      }
    }
  }
  return [...found.values()];
}
