import type { FieldError, LookupPurpose, LookupRequest } from '@zemag/contracts';
import type { ApiError } from '../../api/api-error';
import { type Translator, problemMessage } from '../../api/problem-message';
import { parseBirthDate } from './birth-date';

/** The purpose every look-up (and every visit list) states: file number and reason code. */
export interface PurposeDraft {
  fileNumber: string;
  reason: string;
}

/** The look-up form as typed. */
export interface LookupDraft extends PurposeDraft {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

export const LOOKUP_FIELDS = [
  'fileNumber',
  'reason',
  'familyName',
  'givenNames',
  'dateOfBirth',
  'street',
  'houseNumber',
  'postalCode',
  'city',
] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

/** A problem with one field: its stable code (`required`, `lookup.query_too_vague`, …). */
export interface LookupProblem<F extends string = LookupField> {
  field: F;
  code: string;
  /** The server's own message, the last resort when the app has no text for the code. */
  message?: FieldError['message'];
}

export function emptyLookupDraft(): LookupDraft {
  return {
    fileNumber: '',
    reason: '',
    familyName: '',
    givenNames: '',
    dateOfBirth: '',
    street: '',
    houseNumber: '',
    postalCode: '',
    city: '',
  };
}

/** The purpose's problems, checked before anything is sent. */
export function purposeProblems(draft: PurposeDraft): LookupProblem<'fileNumber' | 'reason'>[] {
  return [
    ...(draft.fileNumber.trim() === '' ? [{ field: 'fileNumber' as const, code: 'required' }] : []),
    ...(draft.reason === '' ? [{ field: 'reason' as const, code: 'required' }] : []),
  ];
}

/** The purpose as the API takes it. */
export function toPurpose(draft: PurposeDraft): LookupPurpose {
  return { fileNumber: draft.fileNumber.trim(), reason: draft.reason };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The request for a draft, or the problems that keep it from being sent: a purpose, a family
 * name unless a street is given, a readable date of birth, a postal code of five digits.
 */
export function toLookupRequest(
  draft: LookupDraft,
  today: string,
): { request: LookupRequest; problems: [] } | { request: null; problems: LookupProblem[] } {
  const problems: LookupProblem[] = purposeProblems(draft);
  const street = optional(draft.street);
  const anyAddress = [draft.houseNumber, draft.postalCode, draft.city].some((v) => v.trim() !== '');
  if (!optional(draft.familyName) && !street) {
    problems.push({ field: 'familyName', code: 'name_or_street' });
  } else if (!street && anyAddress) {
    problems.push({ field: 'street', code: 'required' });
  }
  const date = parseBirthDate(draft.dateOfBirth, today);
  if (date.kind === 'invalid') problems.push({ field: 'dateOfBirth', code: date.reason });
  const postalCode = optional(draft.postalCode);
  if (postalCode && !/^\d{5}$/.test(postalCode)) {
    problems.push({ field: 'postalCode', code: 'invalid_format' });
  }
  if (problems.length > 0) return { request: null, problems };
  const familyName = optional(draft.familyName);
  const givenNames = optional(draft.givenNames);
  const houseNumber = optional(draft.houseNumber);
  const city = optional(draft.city);
  return {
    request: {
      ...(familyName ? { familyName } : {}),
      ...(givenNames ? { givenNames } : {}),
      ...(date.kind === 'date' ? { dateOfBirth: date.value } : {}),
      ...(street
        ? {
            address: {
              street,
              ...(houseNumber ? { houseNumber } : {}),
              ...(postalCode ? { postalCode } : {}),
              ...(city ? { city } : {}),
            },
          }
        : {}),
      purpose: toPurpose(draft),
    },
    problems: [],
  };
}

/** `purpose.fileNumber` → `fileNumber`, `address.street` → `street`: the form's field. */
export function formFieldOf(path: string): LookupField | undefined {
  const last = path.replace(/^(purpose|address)\./, '');
  return LOOKUP_FIELDS.find((field) => field === last);
}

/** The server's field errors on the form's fields; the rest is for the page's sentence. */
export function serverProblems(error: ApiError): LookupProblem[] {
  return error.fieldErrors.flatMap((e) => {
    const field = formFieldOf(e.field);
    return field ? [{ field, code: e.code, message: e.message }] : [];
  });
}

/**
 * The text for a problem, most specific first: the look-up's own text for this field and
 * code, the translation of a stable error code, a generic text, the server's message.
 */
export function problemText(
  problem: LookupProblem<string>,
  tr: Translator,
  namespace = 'lookup',
): string {
  const candidates = [
    `${namespace}.fieldErrors.${problem.field}.${problem.code}`,
    `errors.${problem.code}`,
    `fieldErrors.generic.${problem.code}`,
  ];
  const key = candidates.find((candidate) => tr.exists(candidate));
  if (key) return tr.t(key);
  if (problem.message) {
    return tr.language.toLowerCase().startsWith('en') ? problem.message.en : problem.message.de;
  }
  return tr.t('fieldErrors.generic.invalid');
}

/** A failed call as field problems and, when no field is named, one sentence for the form. */
export function failureOf(
  error: ApiError,
  tr: Translator,
): { problems: LookupProblem[]; message: string | null } {
  const problems = serverProblems(error);
  return { problems, message: problems.length > 0 ? null : problemMessage(error, tr) };
}
