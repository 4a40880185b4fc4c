import { addMonths } from '../../local-date.js';

// The kinds and decisions are part of the HTTP contract.
export {
  SUBJECT_REQUEST_DECISIONS,
  SUBJECT_REQUEST_KINDS,
  type SubjectRequestKind,
} from '@zemag/contracts';

/** Days before the due date from which an open request is flagged "due soon". */
export const DUE_SOON_DAYS = 7;

/** Art. 12(3) GDPR: one month after receipt (31 Jan → 28/29 Feb). */
export function dueOnFor(receivedOn: string): string {
  return addMonths(receivedOn, 1);
}

/** The latest date an extension may set: two further months (Art. 12(3) sentence 2). */
export function latestExtendedDueOn(dueOn: string): string {
  return addMonths(dueOn, 2);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The reference printed on every answer: `BA-2026-0007`. */
export function subjectRequestReference(year: string, number: number): string {
  return `BA-${year}-${String(number).padStart(4, '0')}`;
}

/** When the request must be answered, and whether it is overdue or due within seven days. */
export function deadlineOf(
  request: { dueOn: string; extendedDueOn: string | null; status: string },
  today: string,
) {
  const effectiveDueOn = request.extendedDueOn ?? request.dueOn;
  const open = request.status === 'open';
  const overdue = open && today > effectiveDueOn;
  const dueSoon = open && !overdue && effectiveDueOn <= addDays(today, DUE_SOON_DAYS);
  return { effectiveDueOn, overdue, dueSoon };
}
