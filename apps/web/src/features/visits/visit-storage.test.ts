import { describe, expect, it } from 'vitest';
import { MEYER, visitList } from './visit-fixtures.test-support';
import { isExpired, minimalVisitList, nextCheckIn } from './visit-storage';

describe('the copy of a visit list kept on the phone', () => {
  it('keeps what field staff see of every line', () => {
    const stored = minimalVisitList(visitList('field'));
    expect(stored.keepUntil).toBe('2026-11-27T17:00:00.000Z');
    expect(stored.lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(stored.lines[0]!.result!.candidates).toEqual([MEYER]);
    expect(stored.lines[1]!.result).toEqual({
      notice: { de: 'Treffer prüfen', en: 'Check the matches' },
      candidates: [],
    });
    expect(stored.lines[2]!.error).toEqual({
      field: 'familyName',
      message: { de: 'Kein Name', en: 'No name' },
    });
    expect(JSON.stringify(stored)).not.toContain('auditSeq');
  });

  it("strips a registrar's ids, score, aliases and incidents", () => {
    const stored = JSON.stringify(minimalVisitList(visitList('registrar')));
    for (const registrarOnly of [
      'personId',
      'score',
      'aliases',
      'listing',
      'V-2026-0042',
      '0b8f6a1e',
      '9d2c4a57',
      'view',
    ]) {
      expect(stored).not.toContain(registrarOnly);
    }
  });

  it('leaves out candidates field staff would not be shown (proposed, restricted)', () => {
    const stored = minimalVisitList(visitList('registrar'));
    expect(stored.lines[0]!.result!.candidates).toEqual([MEYER]);
  });
});

describe('the deadline of a kept list', () => {
  const keepUntil = '2026-11-27T17:00:00.000Z';

  it.each([
    ['2026-11-27T16:59:59.999Z', false],
    ['2026-11-27T17:00:00.000Z', true],
    ['2026-11-28T08:00:00.000Z', true],
  ])('at %s it is expired: %s', (now, expired) => {
    expect(isExpired(keepUntil, new Date(now))).toBe(expired);
  });

  it('counts an unreadable deadline as expired', () => {
    expect(isExpired('morgen', new Date())).toBe(true);
  });

  it('checks again at the deadline, at most a minute later', () => {
    expect(nextCheckIn(keepUntil, new Date('2026-11-27T16:59:30.000Z'))).toBe(30_000);
    expect(nextCheckIn(keepUntil, new Date('2026-11-27T12:00:00.000Z'))).toBe(60_000);
    expect(nextCheckIn(keepUntil, new Date('2026-11-27T18:00:00.000Z'))).toBe(0);
    expect(nextCheckIn(null, new Date())).toBe(60_000);
  });
});
