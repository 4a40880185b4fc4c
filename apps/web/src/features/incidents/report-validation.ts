import { type FieldError, IncidentReportInput } from '@zemag/contracts';
import type { Translator } from '../../api/problem-message';

/** One problem with one field of the report: a dotted path (`persons.0.familyName`) and a code. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, number>;
  /** The server's own sentence, the last resort when the app has no text for the code. */
  serverMessage?: FieldError['message'];
}

/** A report time this far ahead of the device clock counts as in the future. */
const FUTURE_TOLERANCE_MS = 60_000;

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));

/** The same stable codes the server uses for its field errors (apps/api http/field-errors). */
function codeOf(issue: ZodIssueLike): Pick<FieldProblem, 'code' | 'params'> {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return num(issue.minimum) === 1
          ? { code: 'required' }
          : { code: 'too_short', params: { min: num(issue.minimum) } };
      }
      if (issue.origin === 'array') return { code: 'too_few', params: { min: num(issue.minimum) } };
      return { code: 'too_small', params: { min: num(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string')
        return { code: 'too_long', params: { max: num(issue.maximum) } };
      if (issue.origin === 'array')
        return { code: 'too_many', params: { max: num(issue.maximum) } };
      return { code: 'too_big', params: { max: num(issue.maximum) } };
    case 'invalid_format':
    case 'invalid_value':
      return { code: issue.code };
    default:
      return { code: 'invalid' };
  }
}

/**
 * Checks a report with the contract's schema, as the server will, plus a time in the future.
 * Returns one problem per field (the first), in the order of the form.
 */
export function validateReport(input: unknown, now: Date = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = IncidentReportInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues as ZodIssueLike[]) {
      problems.push({ field: issue.path.map(String).join('.'), ...codeOf(issue) });
    }
  } else if (Date.parse(parsed.data.occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
    problems.push({ field: 'occurredAt', code: 'incident.in_future' });
  }
  return firstPerField(problems);
}

/** Field errors from the server (also from an amendment: `report.persons.0…`) as problems. */
export function serverProblems(errors: readonly FieldError[]): FieldProblem[] {
  return firstPerField(
    errors.map((error) => ({
      field: error.field.replace(/^(body\.)?(report\.)?/, ''),
      code: error.code,
      serverMessage: error.message,
    })),
  );
}

function firstPerField(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const id = fieldId(problem.field);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * The form control a field path belongs to. Paths that name a group (`place`, `persons.0`,
 * `categories.2`) go to the group's first control, so every message has a place on the form.
 */
export function fieldId(field: string): string {
  const parts = field.split('.').filter(Boolean);
  const [head, second, third] = parts;
  let path: string[];
  if (head === 'categories') path = ['categories'];
  else if (head === 'place') {
    if (second === 'address') path = ['place', 'address', third ?? 'street'];
    else if (second === 'position') path = ['place', 'position'];
    else path = ['place', 'description'];
  } else if (head === 'persons' && second !== undefined && /^\d+$/.test(second)) {
    const rest = parts.slice(2);
    if (rest.length === 0) path = ['persons', second, 'familyName'];
    else if (rest[0] === 'address') path = ['persons', second, 'address', rest[1] ?? 'street'];
    else path = ['persons', second, rest[0]!];
  } else if (head === 'persons') path = ['persons'];
  else if (head === 'criminalComplaint') path = ['criminalComplaint', second ?? 'status'];
  else path = [head ?? 'form'];
  return `report-${path.join('-')}`;
}

/** The translation key of a field with the person's number taken out: `persons.familyName`. */
export function fieldKey(field: string): string {
  return field
    .replace(/^(body\.)?(report\.)?/, '')
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

/** The sentence for a problem, most specific first. */
export function problemText(problem: FieldProblem, tr: Translator): string {
  const params = problem.params ?? {};
  const key = fieldKey(problem.field);
  const candidates = [
    `reports.fieldErrors.${key}.${problem.code}`,
    ...(problem.code.includes('.') ? [`errors.${problem.code}`] : []),
    // These name the limit, which only the app's own check knows; the server's lack it.
    ...(problem.params ? [`reports.fieldErrors.generic.${problem.code}`] : []),
    `fieldErrors.generic.${problem.code}`,
  ];
  const found = candidates.find((candidate) => tr.exists(candidate));
  if (found) return tr.t(found, params);
  if (problem.serverMessage) {
    return tr.language.toLowerCase().startsWith('en')
      ? problem.serverMessage.en
      : problem.serverMessage.de;
  }
  return tr.t('fieldErrors.generic.invalid');
}

/** "Person 2 – Family name", "Place – Postal code": the label a summary line starts with. */
export function problemLabel(problem: FieldProblem, tr: Translator): string {
  const key = `reports.fields.${fieldKey(problem.field)}`;
  const label = tr.exists(key) ? tr.t(key) : '';
  const person = /^(?:report\.)?persons\.(\d+)/.exec(problem.field);
  const prefix = person ? tr.t('reports.person.title', { n: Number(person[1]) + 1 }) : '';
  return [prefix, label].filter(Boolean).join(' – ');
}
