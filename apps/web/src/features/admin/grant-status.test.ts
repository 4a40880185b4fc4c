import { GrantStatus, ROLES } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import en from '../../i18n/en.json';
import {
  GRANT_STATUS_VARIANT,
  grantStatusKey,
  needsSecondAdmin,
  recertificationState,
} from './grant-status';

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

describe('grant status', () => {
  it.each(GrantStatus.options)('%s has a badge colour and a text in both languages', (status) => {
    expect(GRANT_STATUS_VARIANT[status]).toBeDefined();
    expect(typeof lookup(catalogues.de, grantStatusKey(status))).toBe('string');
    expect(typeof lookup(en, grantStatusKey(status))).toBe('string');
  });

  it('shows a waiting grant in warning colours and an active one as success', () => {
    expect(GRANT_STATUS_VARIANT.pending).toBe('warning');
    expect(GRANT_STATUS_VARIANT.active).toBe('success');
  });
});

describe('needsSecondAdmin', () => {
  it('names exactly field, registrar, dpo and admin', () => {
    expect(ROLES.filter(needsSecondAdmin)).toEqual(['field', 'registrar', 'dpo', 'admin']);
  });
});

describe('recertificationState', () => {
  it.each([
    ['2026-03-09', 'overdue'],
    ['2026-03-10', 'due'],
    ['2026-04-09', 'due'],
    ['2026-04-10', 'ok'],
  ] as const)('a grant to re-certify by %s on 10 March 2026 is %s', (date, state) => {
    expect(recertificationState(date, '2026-03-10')).toBe(state);
  });
});
