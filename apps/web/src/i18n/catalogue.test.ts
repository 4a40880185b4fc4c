import { ERROR_CODES, PERMISSIONS, ROLES } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES } from '../api/api-error';
import { catalogues } from './catalogues';

const { de, en } = catalogues;

/** Every leaf key of a nested catalogue, dotted. */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keys(value, prefix ? `${prefix}.${key}` : key),
  );
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      catalogue,
    );
}

describe('translations', () => {
  it('German and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it.each([
    ['every permission', PERMISSIONS.map((p) => `abilities.${p}`)],
    ['every role', ROLES.map((r) => `roles.${r}`)],
    ['every error code', [...ERROR_CODES, ...CLIENT_ERROR_CODES].map((c) => `errors.${c}`)],
  ])('name %s in both languages', (_, required) => {
    for (const catalogue of [de, en]) {
      const missing = required.filter((key) => typeof lookup(catalogue, key) !== 'string');
      expect(missing).toEqual([]);
    }
  });

  it('says the wrong-password message in German as the issue asks', () => {
    expect(lookup(de, 'errors.auth.invalid_credentials')).toBe(
      'Benutzername oder Passwort ist falsch.',
    );
  });
});
