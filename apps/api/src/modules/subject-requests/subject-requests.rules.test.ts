import { describe, expect, it } from 'vitest';
import {
  deadlineOf,
  dueOnFor,
  latestExtendedDueOn,
  subjectRequestReference,
} from './subject-requests.rules.js';

describe('the deadlines of a data-subject request', () => {
  it('is due one calendar month after receipt, at the month end when the day is missing', () => {
    expect(dueOnFor('2026-01-31')).toBe('2026-02-28');
    expect(dueOnFor('2028-01-31')).toBe('2028-02-29');
    expect(dueOnFor('2026-03-15')).toBe('2026-04-15');
    expect(dueOnFor('2026-12-20')).toBe('2027-01-20');
  });

  it('may be extended by at most two further months', () => {
    expect(latestExtendedDueOn('2026-02-28')).toBe('2026-04-28');
    expect(latestExtendedDueOn('2026-12-31')).toBe('2027-02-28');
  });

  it('is overdue the day after the due date and due soon within seven days', () => {
    const open = { dueOn: '2026-02-28', extendedDueOn: null, status: 'open' };
    expect(deadlineOf(open, '2026-02-20')).toEqual({
      effectiveDueOn: '2026-02-28',
      overdue: false,
      dueSoon: false,
    });
    expect(deadlineOf(open, '2026-02-21').dueSoon).toBe(true);
    expect(deadlineOf(open, '2026-02-28')).toMatchObject({ overdue: false, dueSoon: true });
    expect(deadlineOf(open, '2026-03-01')).toMatchObject({ overdue: true, dueSoon: false });
    expect(deadlineOf({ ...open, extendedDueOn: '2026-04-28' }, '2026-03-01')).toMatchObject({
      effectiveDueOn: '2026-04-28',
      overdue: false,
    });
    expect(deadlineOf({ ...open, status: 'answered' }, '2026-03-01').overdue).toBe(false);
  });

  it('numbers requests BA-<year>-<nnnn>', () => {
    expect(subjectRequestReference('2026', 7)).toBe('BA-2026-0007');
    expect(subjectRequestReference('2026', 12345)).toBe('BA-2026-12345');
  });
});
