/**
 * What the database stores for a JavaScript value, so code that hashes or compares a value can
 * use exactly that form.
 *
 * A JavaScript string is UTF-16 and may hold a lone surrogate (`"\ud800"`, e.g. from a JSON
 * escape); UTF-8 cannot, so the driver writes U+FFFD in its place. PostgreSQL refuses U+0000 in
 * `text` and in `jsonb`. `jsonb` keeps neither key order nor `undefined` members, and a `Date`
 * arrives as its ISO string.
 */

/** A UTF-16 code unit of a surrogate pair that has no partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Why a string cannot be stored as it is, or null when it can. */
export function unstorableCharacter(text: string): 'nul' | 'lone_surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text) ? 'lone_surrogate' : null;
}

/** The string as it reads back from the database: lone surrogates and U+0000 become U+FFFD. */
export function storedText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

/** `storedText` for a nullable column. */
export function storedNullableText(text: string | null): string | null {
  return text === null ? null : storedText(text);
}

/**
 * The JSON value as it reads back from a `jsonb` column: strings and keys through `storedText`,
 * `Date` and other `toJSON` objects as their JSON form, `undefined` members dropped (in arrays:
 * null), `-0` as 0, and numbers that JSON cannot carry (NaN, ±Infinity) as null, as
 * `JSON.stringify` writes them. Bigints, functions and symbols are refused with a TypeError.
 */
export function storedJson(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return storedJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined ? null : storedJson(item)));
  }
  switch (typeof value) {
    case 'string':
      return storedText(value);
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return null;
      return value === 0 ? 0 : value;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
        if (member === undefined) continue;
        // defineProperty: a key "__proto__" stays a plain member, as it is in jsonb
        Object.defineProperty(out, storedText(key), {
          value: storedJson(member),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    default:
      throw new TypeError(`storedJson: cannot store ${typeof value}`);
  }
}
