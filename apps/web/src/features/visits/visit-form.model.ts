import { VISIT_LIST_MAX_ENTRIES, type VisitListRequest } from '@zemag/contracts';
import type { ApiError } from '../../api/api-error';
import { type Translator, problemMessage } from '../../api/problem-message';
import {
  type LookupProblem,
  type PurposeDraft,
  problemText,
  purposeProblems,
  toPurpose,
} from '../lookup/lookup-form.model';

export const VISIT_FIELDS = ['fileNumber', 'reason', 'text'] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];
export type VisitProblem = LookupProblem<VisitField>;

export interface VisitDraft extends PurposeDraft {
  text: string;
  /** Keep the answers on this device until the end of the shift (encrypted). */
  keep: boolean;
}

/** The longest text the API takes (`VisitListRequest.text`). */
export const MAX_TEXT_LENGTH = 100_000;

/** Lines that are not blank: a rough count for the hint (a CSV header counts too). */
export function countLines(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

/** The request, or what keeps it from being sent. The server counts the entries itself. */
export function toVisitRequest(
  draft: VisitDraft,
): { request: VisitListRequest; problems: [] } | { request: null; problems: VisitProblem[] } {
  const problems: VisitProblem[] = purposeProblems(draft);
  if (draft.text.trim() === '') problems.push({ field: 'text', code: 'required' });
  else if (draft.text.length > MAX_TEXT_LENGTH) problems.push({ field: 'text', code: 'too_long' });
  if (problems.length > 0) return { request: null, problems };
  return { request: { purpose: toPurpose(draft), text: draft.text }, problems: [] };
}

/** `purpose.reason` → `reason`, `text` → `text`. */
function fieldOf(path: string): VisitField | undefined {
  const last = path.replace(/^purpose\./, '');
  return VISIT_FIELDS.find((field) => field === last);
}

/** A failed call as field problems and, when no field is named, one sentence. */
export function visitFailure(
  error: ApiError,
  tr: Translator,
): { problems: VisitProblem[]; message: string | null } {
  const problems = error.fieldErrors.flatMap((e) => {
    const field = fieldOf(e.field);
    return field ? [{ field, code: e.code, message: e.message }] : [];
  });
  return { problems, message: problems.length > 0 ? null : problemMessage(error, tr) };
}

/** The text of a problem: the purpose's texts from the look-up, the list's own for `text`. */
export function visitProblemText(problem: VisitProblem, tr: Translator): string {
  return problemText(problem, tr, problem.field === 'text' ? 'visits' : 'lookup');
}

export { VISIT_LIST_MAX_ENTRIES };
