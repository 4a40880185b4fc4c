import { describe, expect, it } from 'vitest';
import { diffFields, sameValue } from './corrections.diff.js';

describe('what a correction changes', () => {
  it('names only the fields whose value differs, with the old and new value', () => {
    const before = { familyName: 'Meyer', givenNames: 'Klaus', dateOfBirth: null as string | null };
    expect(
      diffFields(before, { familyName: 'Meier', givenNames: 'Klaus', dateOfBirth: undefined }),
    ).toEqual({ familyName: { from: 'Meyer', to: 'Meier' } });
    expect(diffFields(before, { dateOfBirth: '1975' })).toEqual({
      dateOfBirth: { from: null, to: '1975' },
    });
    expect(diffFields(before, {})).toEqual({});
  });

  it('treats a list in another order or an object with other key order as unchanged', () => {
    const a = [
      { kind: 'alias', familyName: 'Maier', givenNames: null },
      { kind: 'former', familyName: 'Schulz', givenNames: 'Eva' },
    ];
    const b = [
      { familyName: 'Schulz', givenNames: 'Eva', kind: 'former' },
      { givenNames: null, kind: 'alias', familyName: 'Maier' },
    ];
    expect(sameValue(a, b)).toBe(true);
    expect(sameValue(a, [a[0]])).toBe(false);
    expect(diffFields({ names: a }, { names: b })).toEqual({});
    expect(diffFields({ names: a }, { names: [] })).toEqual({ names: { from: a, to: [] } });
  });
});
