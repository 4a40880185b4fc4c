import { dictionary } from '@zxcvbn-ts/language-common';
import type { ErrorCode } from '@zemag/contracts';

// 49,000 most common passwords from breach corpora (zxcvbn-ts, MIT).
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** "Sommer2024!" → "sommer": a common word dressed up with digits and symbols is still common. */
function core(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[\d\W_]+/u, '')
    .replace(/[\d\W_]+$/u, '');
}

function isTrivial(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size <= 2) return true; // aaaaaaaaaaaa, abababababab
  // abcdefghijkl, 123456789012, 987654321098: each step ±1 (digits wrap around 9 → 0)
  const digits = /^\d+$/.test(password);
  const codes = chars.map((c) => c.codePointAt(0)!);
  const step = (a: number, b: number) => (digits ? (b - a + 10) % 10 : b - a);
  const ascending = codes.every((c, i) => i === 0 || step(codes[i - 1]!, c) === 1);
  const descending = codes.every((c, i) => i === 0 || step(c, codes[i - 1]!) === 1);
  return ascending || descending;
}

/**
 * ASVS 5.0 V6.2: length is checked by the schema (12–128, no composition rules); this refuses
 * passwords found in the common-password list (also with digits or symbols around a common
 * core), trivial sequences, and passwords that contain the user name.
 */
export function refusePassword(
  password: string,
  context: { username?: string } = {},
): ErrorCode | null {
  const lower = password.toLowerCase();
  const stripped = core(password);
  if (COMMON.has(lower) || (stripped.length >= 4 && COMMON.has(stripped)) || isTrivial(password)) {
    return 'password.too_common';
  }
  const name = context.username?.toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) return 'password.contains_username';
  return null;
}
