import { describe, expect, it } from 'vitest';
import {
  type EntryBookkeeping,
  countStatuses,
  earliestRetry,
  entryStatus,
  nextAttemptAt,
  retryDelay,
  sendIsDue,
} from './outbox-status';

const AT = '2026-03-10T09:20:00.000Z';
const entry = (over: Partial<EntryBookkeeping> = {}): EntryBookkeeping => ({
  id: 'a',
  attempts: 0,
  lastAttemptAt: null,
  state: 'pending',
  lastError: null,
  problems: [],
  ...over,
});
const online = { online: true, sendingId: null };
const offline = { online: false, sendingId: null };

describe('the status of a report on the phone', () => {
  it.each([
    ['a new report is saved on the phone', entry(), online, 'saved'],
    [
      'a report without a connection is saved on the phone',
      entry({ attempts: 2, lastAttemptAt: AT, lastError: 'client.network' }),
      online,
      'saved',
    ],
    [
      'a report the server could not take waits for the next attempt',
      entry({ attempts: 1, lastAttemptAt: AT, lastError: 'server.unavailable' }),
      online,
      'failed',
    ],
    [
      'offline, a failed report counts as saved on the phone',
      entry({ attempts: 1, lastAttemptAt: AT, lastError: 'server.unavailable' }),
      offline,
      'saved',
    ],
    [
      'a report answered with 401 needs a sign-in',
      entry({ attempts: 1, lastAttemptAt: AT, lastError: 'auth.unauthenticated' }),
      online,
      'needsSignIn',
    ],
    [
      'a report being sent is sending',
      entry({ attempts: 1, lastAttemptAt: AT, lastError: 'auth.unauthenticated' }),
      { online: true, sendingId: 'a' },
      'sending',
    ],
    [
      'a refused report is refused, also while something is sent',
      entry({ state: 'invalid', lastError: 'validation.failed', attempts: 1, lastAttemptAt: AT }),
      { online: true, sendingId: 'a' },
      'refused',
    ],
  ] as const)('%s', (_name, given, context, kind) => {
    expect(entryStatus(given, context).kind).toBe(kind);
  });

  it('a refused report keeps the reason the server gave', () => {
    const problems = [{ field: 'occurredAt', code: 'incident.in_future' }];
    expect(
      entryStatus(entry({ state: 'invalid', lastError: 'validation.failed', problems }), online),
    ).toEqual({ kind: 'refused', code: 'validation.failed', problems });
  });

  it('a failed report says when it is tried again', () => {
    expect(
      entryStatus(entry({ attempts: 1, lastAttemptAt: AT, lastError: 'server.error' }), online),
    ).toEqual({
      kind: 'failed',
      code: 'server.error',
      nextAttemptAt: new Date('2026-03-10T09:20:15.000Z'),
    });
  });
});

describe('the retry schedule', () => {
  it.each([
    [0, 0],
    [1, 15_000],
    [2, 30_000],
    [3, 60_000],
    [4, 120_000],
    [5, 300_000],
    [12, 300_000],
  ])('after %i failed attempts it waits %i ms', (attempts, wait) => {
    expect(retryDelay(attempts)).toBe(wait);
  });

  it('a report waiting for a sign-in or a correction is never tried by itself', () => {
    expect(nextAttemptAt(entry({ attempts: 1, lastError: 'auth.unauthenticated' }))).toBeNull();
    expect(nextAttemptAt(entry({ state: 'invalid' }))).toBeNull();
  });

  it('sends when a report is due, not before, and never offline', () => {
    const failed = entry({ attempts: 2, lastAttemptAt: AT, lastError: 'server.error' });
    expect(sendIsDue([failed], { online: true, now: new Date('2026-03-10T09:20:29Z') })).toBe(
      false,
    );
    expect(sendIsDue([failed], { online: true, now: new Date('2026-03-10T09:20:30Z') })).toBe(true);
    expect(sendIsDue([failed], { online: false, now: new Date('2026-03-10T10:00:00Z') })).toBe(
      false,
    );
    expect(sendIsDue([entry()], { online: true, now: new Date(AT) })).toBe(true);
  });

  it('an expired session stops the automatic attempts', () => {
    const needsSignIn = entry({
      attempts: 1,
      lastAttemptAt: AT,
      lastError: 'auth.unauthenticated',
    });
    expect(sendIsDue([needsSignIn], { online: true, now: new Date('2026-03-11T00:00:00Z') })).toBe(
      false,
    );
  });
});

describe('the summary of the outbox', () => {
  it('counts each state and finds the next automatic attempt', () => {
    const entries = [
      entry({ id: '1' }),
      entry({ id: '2', attempts: 1, lastAttemptAt: AT, lastError: 'auth.unauthenticated' }),
      entry({ id: '3', attempts: 3, lastAttemptAt: AT, lastError: 'server.error' }),
      entry({ id: '4', attempts: 1, lastAttemptAt: AT, lastError: 'server.error' }),
      entry({ id: '5', state: 'invalid', lastError: 'validation.failed' }),
    ];
    expect(countStatuses(entries, { online: true, sendingId: '1' })).toEqual({
      saved: 0,
      sending: 1,
      needsSignIn: 1,
      refused: 1,
      failed: 2,
    });
    expect(earliestRetry(entries, online)).toEqual(new Date('2026-03-10T09:20:15.000Z'));
    expect(earliestRetry([], online)).toBeNull();
  });
});
