import type { FieldError } from '@zemag/contracts';

/** The parts of a zod issue that fastify-type-provider-zod passes on in `error.validation`. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const num = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : '?';

/** "/person/familyName" → "person.familyName"; the whole body → "body". */
export function fieldPath(instancePath: string, context?: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  return path || context || 'body';
}

function describe(issue: ValidationIssue): { code: string; de: string; en: string } {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      if (issue.message?.includes('received undefined')) {
        return { code: 'required', de: 'ist ein Pflichtfeld', en: 'is required' };
      }
      return {
        code: 'invalid_type',
        de: `hat den falschen Typ (erwartet: ${String(p.expected)})`,
        en: `has the wrong type (expected ${String(p.expected)})`,
      };
    case 'too_small':
      if (p.origin === 'string') {
        return p.minimum === 1
          ? { code: 'required', de: 'darf nicht leer sein', en: 'must not be empty' }
          : {
              code: 'too_short',
              de: `muss mindestens ${num(p.minimum)} Zeichen lang sein`,
              en: `must be at least ${num(p.minimum)} characters long`,
            };
      }
      if (p.origin === 'array') {
        return {
          code: 'too_few',
          de: `braucht mindestens ${num(p.minimum)} Einträge`,
          en: `needs at least ${num(p.minimum)} entries`,
        };
      }
      return {
        code: 'too_small',
        de: `muss mindestens ${num(p.minimum)} sein`,
        en: `must be at least ${num(p.minimum)}`,
      };
    case 'too_big':
      if (p.origin === 'string') {
        return {
          code: 'too_long',
          de: `darf höchstens ${num(p.maximum)} Zeichen lang sein`,
          en: `must be at most ${num(p.maximum)} characters long`,
        };
      }
      if (p.origin === 'array') {
        return {
          code: 'too_many',
          de: `darf höchstens ${num(p.maximum)} Einträge haben`,
          en: `may have at most ${num(p.maximum)} entries`,
        };
      }
      return {
        code: 'too_big',
        de: `darf höchstens ${num(p.maximum)} sein`,
        en: `must be at most ${num(p.maximum)}`,
      };
    case 'invalid_format':
      return {
        code: 'invalid_format',
        de: `hat nicht das erwartete Format (${String(p.format)})`,
        en: `does not have the expected format (${String(p.format)})`,
      };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        de: 'hat keinen der erlaubten Werte',
        en: 'is not one of the allowed values',
      };
    case 'unknown_field':
      return {
        code: 'unknown_field',
        de: 'ist kein Feld dieser Anfrage und wird nicht angenommen',
        en: 'is not a field of this request and is not accepted',
      };
    case 'unrecognized_keys':
      return {
        code: 'unknown_field',
        de: `enthält unbekannte Felder (${String(p.keys)})`,
        en: `contains unknown fields (${String(p.keys)})`,
      };
    default:
      return { code: 'invalid', de: 'ist ungültig', en: 'is invalid' };
  }
}

/** An unknown member is named itself (`person.nickname`), one error per member. */
function unknownKeysApart(issue: ValidationIssue): ValidationIssue[] {
  const keys = issue.params?.keys;
  if (issue.keyword !== 'unrecognized_keys' || !Array.isArray(keys) || keys.length === 0) {
    return [issue];
  }
  return keys.map((key) => ({
    keyword: 'unknown_field',
    instancePath: `${issue.instancePath.replace(/\/$/, '')}/${String(key)}`,
  }));
}

/** Turns validation issues into field errors that name the field in German and English. */
export function toFieldErrors(issues: readonly ValidationIssue[], context?: string): FieldError[] {
  return issues.flatMap(unknownKeysApart).map((issue) => {
    const field = fieldPath(issue.instancePath, context);
    const { code, de, en } = describe(issue);
    return {
      field,
      code,
      message: { de: `Feld „${field}“ ${de}.`, en: `Field '${field}' ${en}.` },
    };
  });
}
