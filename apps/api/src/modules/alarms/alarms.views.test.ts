import { describe, expect, it } from 'vitest';
import type { AlarmRow } from './alarms.repository.js';
import { phoneView } from './alarms.views.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 8, minute));
const alarm = (changes: Partial<AlarmRow> = {}): AlarmRow => ({
  id: '7d1c1a52-5d0c-4c1e-9d4c-1c2b3a4d5e6f',
  userId: '0b7c3b0e-8d0a-4a53-9f36-6c1f8a1b2c3d',
  departmentId: null,
  raisedAt: at(0),
  clientTime: null,
  visitAddress: null,
  status: 'open',
  lat: null,
  lon: null,
  accuracyM: null,
  positionAt: null,
  duressAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  closedAs: null,
  closedBy: null,
  closedAt: null,
  closeNote: null,
  ...changes,
});
const taken = { acknowledgedBy: 'a1b2c3d4-0000-4000-8000-000000000001', acknowledgedAt: at(2) };

describe('what the phone shows of an alarm', () => {
  it('goes from stored to taken by the control room to closed', () => {
    expect(phoneView(alarm()).state).toBe('stored');
    expect(phoneView(alarm(taken))).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: { de: 'Leitstelle', en: 'Control room' },
    });
    expect(
      phoneView(alarm({ ...taken, status: 'closed', closedAs: 'help_arrived', closedAt: at(9) })),
    ).toMatchObject({ state: 'closed', acknowledgedBy: { de: 'Leitstelle' } });
  });

  it('shows a duress cancel as a plain cancel, whatever the control room does afterwards', () => {
    const cancelled = phoneView(
      alarm({ status: 'closed', closedAs: 'cancelled', closedAt: at(1), closedBy: 'x' }),
    );
    const duress = phoneView(alarm({ duressAt: at(1) }));
    expect(duress).toEqual(cancelled);
    expect(phoneView(alarm({ duressAt: at(1), ...taken }))).toEqual(cancelled);
    // taken in the same millisecond: not before the cancel, so not shown
    expect(phoneView(alarm({ duressAt: at(2), ...taken })).acknowledgedBy).toBeNull();
    // taken before the duress cancel: shown, as it would be for a real cancel
    expect(phoneView(alarm({ duressAt: at(3), ...taken })).state).toBe('closed');
    expect(phoneView(alarm({ duressAt: at(3), ...taken })).acknowledgedBy).not.toBeNull();
  });
});
