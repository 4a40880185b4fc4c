import { IncidentReportInput } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { completionFirst, currentPosition, isIncomplete, oneTapReport } from './one-tap.model';

type Success = (position: GeolocationPosition) => void;
type Failure = (error: GeolocationPositionError) => void;

const fix = { coords: { latitude: 50.94, longitude: 6.96, accuracy: 12.4 } };

describe('currentPosition', () => {
  it('gives the position the phone found', async () => {
    const geolocation = {
      getCurrentPosition: (ok: Success) => ok(fix as GeolocationPosition),
    };
    await expect(currentPosition(geolocation)).resolves.toEqual({
      latitude: 50.94,
      longitude: 6.96,
      accuracyMeters: 12,
    });
  });

  it('gives no position when it is not allowed or the phone has none', async () => {
    const denied = {
      getCurrentPosition: (_ok: Success, fail: Failure) => fail({} as GeolocationPositionError),
    };
    await expect(currentPosition(denied)).resolves.toBeNull();
    await expect(currentPosition(undefined)).resolves.toBeNull();
    const broken = {
      getCurrentPosition: () => {
        throw new Error('not available');
      },
    };
    await expect(currentPosition(broken)).resolves.toBeNull();
  });

  it('does not wait for an answer that never comes (an open permission prompt)', async () => {
    const silent = { getCurrentPosition: () => undefined };
    await expect(currentPosition(silent, 10)).resolves.toBeNull();
  });
});

describe('oneTapReport', () => {
  it('is an incomplete report of the moment of the tap that the contract accepts', () => {
    const report = oneTapReport(new Date('2026-03-10T08:15:00Z'), null);
    const parsed = IncidentReportInput.parse(report);
    expect(parsed).toMatchObject({
      occurredAt: '2026-03-10T08:15:00.000Z',
      incomplete: true,
      level: null,
      categories: [],
    });
    expect(isIncomplete(parsed)).toBe(true);
  });

  it('carries the position when there is one', () => {
    const position = { latitude: 50.94, longitude: 6.96, accuracyMeters: 12 };
    const report = oneTapReport(new Date('2026-03-10T08:15:00Z'), position);
    expect(IncidentReportInput.parse(report).place.position).toEqual(position);
  });
});

describe('completionFirst', () => {
  it('puts the incomplete reports still open to completion on top, otherwise keeps the order', () => {
    const reports = [
      { id: 'new', incomplete: false, status: 'submitted' as const },
      { id: 'tap', incomplete: true, status: 'submitted' as const },
      { id: 'reviewed-tap', incomplete: true, status: 'in_review' as const },
      { id: 'old-tap', incomplete: true, status: 'submitted' as const },
      { id: 'done', incomplete: false, status: 'confirmed' as const },
    ];
    expect(completionFirst(reports).map((r) => r.id)).toEqual([
      'tap',
      'old-tap',
      'new',
      'reviewed-tap',
      'done',
    ]);
  });
});
