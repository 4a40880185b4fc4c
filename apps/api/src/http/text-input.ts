import type { FieldError } from '@zemag/contracts';
import type { FastifyInstance } from 'fastify';
import { unstorableCharacter } from '../db/stored-text.js';
import { AppError } from './app-error.js';

/** Field errors name at most this many fields; one is enough to correct the input. */
const MAX_NAMED = 20;

const MESSAGES = {
  nul: {
    de: 'enthält ein NUL-Zeichen (U+0000), das nicht gespeichert werden kann',
    en: 'contains a NUL character (U+0000), which cannot be stored',
  },
  lone_surrogate: {
    de: 'enthält ein unvollständiges Unicode-Zeichen (einzelnes Surrogat), das nicht gespeichert werden kann',
    en: 'contains an incomplete Unicode character (lone surrogate), which cannot be stored',
  },
} as const;

function invalidCharacters(field: string, kind: keyof typeof MESSAGES): FieldError {
  const { de, en } = MESSAGES[kind];
  return {
    field,
    code: 'invalid_characters',
    message: { de: `Feld „${field}“ ${de}.`, en: `Field '${field}' ${en}.` },
  };
}

/**
 * Every string (and object key) in a parsed body, query string or path parameters that the
 * database cannot store as it is, as field errors named like the schema's (`person.familyName`,
 * `items.0.note`; the whole body is `body`).
 */
export function findUnstorableText(
  value: unknown,
  root = 'body',
  path: string[] = [],
  out: FieldError[] = [],
): FieldError[] {
  if (out.length >= MAX_NAMED) return out;
  const name = () => path.join('.') || root;
  if (typeof value === 'string') {
    const kind = unstorableCharacter(value);
    if (kind) out.push(invalidCharacters(name(), kind));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnstorableText(item, root, [...path, String(index)], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      const kind = unstorableCharacter(key);
      if (kind) out.push(invalidCharacters(name(), kind));
      else findUnstorableText(member, root, [...path, key], out);
    }
  }
  return out.slice(0, MAX_NAMED);
}

/**
 * One rule for all text input, before any route's schema sees it: U+0000 and lone surrogates
 * (a JSON escape such as `\ud800` without its partner) are refused with a 400 that names the
 * field. PostgreSQL refuses U+0000 in text and jsonb (a 500 otherwise), and UTF-8 cannot carry
 * a lone surrogate: the driver would store U+FFFD, so what was stored would differ from what
 * was checked, hashed (audit chain) or compared. Paired surrogates (emoji) are untouched.
 *
 * A hook on the root instance rather than a zod type in each schema, so no route can forget
 * it: it runs for every route, with or without a schema, after the access check (`onRequest`)
 * and before validation. Header values cannot carry either character (Node's HTTP parser
 * refuses U+0000 and reads bytes as Latin-1, which has no surrogates).
 */
export function registerTextInputRule(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...findUnstorableText(request.body),
      ...findUnstorableText(request.query, 'query'),
      ...findUnstorableText(request.params, 'params'),
    ];
    if (errors.length > 0) {
      throw new AppError(400, 'request.invalid', { errors: errors.slice(0, MAX_NAMED) });
    }
  });
}
