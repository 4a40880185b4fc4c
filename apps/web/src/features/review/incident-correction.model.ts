import type { Incident, IncidentCorrectionRequest, IncidentReportInput } from '@zemag/contracts';
import { ApiError } from '../../api/api-error';
import { type Translator, problemMessage } from '../../api/problem-message';
import type { SubmitFailure } from '../incidents/report-form';
import { type ReportDraft, draftFrom, toReportInput } from '../incidents/report-form.model';
import { serverProblems } from '../incidents/report-validation';

/** The facts of a report a correction may change, in the order of the form. */
export const INCIDENT_FACTS = [
  'occurredAt',
  'place',
  'categories',
  'level',
  'description',
  'injuries',
  'policeInvolved',
  'criminalComplaint',
] as const satisfies readonly (keyof IncidentReportInput &
  keyof IncidentCorrectionRequest['changes'])[];

/** The shortest reason the server takes (Art. 16: what was wrong and how it is known). */
export const REASON_MIN = 10;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The request: only the facts that differ from the stored report (both read through the same
 * form, so a time shown to the minute does not count as changed). The persons involved go all
 * together with their ids when any of them changed, so a server message about
 * `persons.1.familyName` names the second person of the form.
 */
export function incidentCorrectionRequest(
  incident: Incident,
  draft: ReportDraft,
  reason: string,
): IncidentCorrectionRequest {
  const before = toReportInput(draftFrom(incident));
  const after = toReportInput(draft);
  const changes: IncidentCorrectionRequest['changes'] = {};
  for (const fact of INCIDENT_FACTS) {
    if (!same(before[fact], after[fact])) Object.assign(changes, { [fact]: after[fact] });
  }
  if (!same(before.persons, after.persons)) {
    changes.persons = (after.persons ?? []).flatMap((person, index) => {
      const id = incident.persons[index]?.id;
      return id ? [{ id, ...person }] : [];
    });
  }
  return { reason: reason.trim(), expectedVersion: incident.version, changes };
}

/** True when the request would change nothing: the server would refuse it. */
export function changesNothing(request: IncidentCorrectionRequest): boolean {
  return Object.keys(request.changes).length === 0;
}

/** Field messages the form has no control for: they become the form's sentence. */
const NOT_A_CONTROL = /^(id|expectedVersion|changes|changes\.persons\.\d+\.id)$/;

/**
 * A refused correction on the form: field errors at their fields (`changes.place.description`
 * → the place), anything else (stale version, nothing changed, own report) as one sentence.
 */
export function correctionRefusal(error: ApiError, tr: Translator): SubmitFailure {
  const atFields = error.fieldErrors
    .filter((e) => !NOT_A_CONTROL.test(e.field))
    .map((e) => ({ ...e, field: e.field.replace(/^changes\./, '') }));
  if (atFields.length > 0) return { problems: serverProblems(atFields), message: null };
  return { problems: [], message: problemMessage(error, tr) };
}

/** The reason's own check before sending: required, at least {@link REASON_MIN} characters. */
export function reasonRefusal(reason: string): SubmitFailure | null {
  if (reason.trim().length >= REASON_MIN) return null;
  return {
    problems: [{ field: 'reason', code: 'too_short', params: { min: REASON_MIN } }],
    message: null,
  };
}

/** The sentence for "nothing changed", the same the server would give. */
export function nothingChanged(tr: Translator): SubmitFailure {
  return {
    problems: [],
    message: problemMessage(new ApiError({ status: 400, code: 'correction.empty' }), tr),
  };
}
