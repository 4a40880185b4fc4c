import type { AuditEventQuery } from '@zemag/contracts';
import { parseDateText } from '../../ui/date-text';

/**
 * The DPO's filter as typed. It lives in the page's state only, never in the address: a person's
 * or a user's id in a URL would end up in the browser history and in server logs.
 */
export interface AuditFilterDraft {
  /** `YYYY-MM-DD` from the date field, or the text as typed when it is no date. */
  from: string;
  to: string;
  /** An action (`register.lookup`), a family (`person.`), or `''` for all. */
  action: string;
  department: string;
  purpose: string;
  /** A person's id, or a pasted address of the person's page. */
  person: string;
  /** Set by "entries of this user" in the results; shown with the user's name. */
  user: { id: string; name: string } | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilterDraft = {
  from: '',
  to: '',
  action: '',
  department: '',
  purpose: '',
  person: '',
  user: null,
};

export const AUDIT_FILTER_FIELDS = [
  'from',
  'to',
  'user',
  'department',
  'action',
  'person',
  'purpose',
] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

/** The filter as the API takes it (the CSV export takes the same; paging adds `before`). */
export type AuditFilter = Partial<Omit<AuditEventQuery, 'before' | 'limit'>>;

/** A problem found before anything is sent; `code` names the text (`audit.problems.<code>`). */
export interface AuditFilterProblem {
  field: AuditFilterField;
  code: 'date' | 'to_before_from' | 'person_id';
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The person's id in what was typed or pasted: the id itself, or the address of the person's
 * page (`https://…/persons/<id>`, with or without more after it). Null when there is none.
 */
export function personIdFrom(text: string): string | null {
  const input = text.trim();
  const fromPage = /\/persons\/([^/?#\s]+)/i.exec(input)?.[1];
  const id = (fromPage && UUID.exec(fromPage)?.[0]) ?? UUID.exec(input)?.[0];
  return id ? id.toLowerCase() : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The start of a calendar day in this browser's time zone, as the API takes an instant
 * (`2026-03-10T00:00:00+01:00`); `addDays` moves to a later day (the end of a "to" day is the
 * start of the next: the API's `to` is exclusive).
 */
export function localDayStart(isoDate: string, addDays = 0): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day + addDays);
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T00:00:00` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** A typed day as ISO, `''` when empty, or null when it is no date. */
function day(value: string): string | null {
  const read = parseDateText(value);
  if (read.kind === 'empty') return '';
  return read.kind === 'date' ? read.value : null;
}

const filled = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The query for a draft, or the problems that keep it from being sent: days that are no dates,
 * an end before the start, a person field without an id in it. Department and purpose go as
 * typed: the server names them when it refuses them.
 */
export function toAuditFilter(
  draft: AuditFilterDraft,
): { filter: AuditFilter; problems: [] } | { filter: null; problems: AuditFilterProblem[] } {
  const problems: AuditFilterProblem[] = [];
  const from = day(draft.from);
  const to = day(draft.to);
  if (from === null) problems.push({ field: 'from', code: 'date' });
  if (to === null) problems.push({ field: 'to', code: 'date' });
  if (from && to && to < from) problems.push({ field: 'to', code: 'to_before_from' });
  const personText = filled(draft.person);
  const person = personText ? personIdFrom(personText) : null;
  if (personText && !person) problems.push({ field: 'person', code: 'person_id' });
  if (problems.length > 0) return { filter: null, problems };

  const department = filled(draft.department);
  const purpose = filled(draft.purpose);
  const action = filled(draft.action);
  return {
    filter: {
      ...(from ? { from: localDayStart(from) } : {}),
      ...(to ? { to: localDayStart(to, 1) } : {}),
      ...(draft.user ? { user: draft.user.id } : {}),
      ...(department ? { department } : {}),
      ...(action ? { action } : {}),
      ...(person ? { person } : {}),
      ...(purpose ? { purpose } : {}),
    },
    problems: [],
  };
}
