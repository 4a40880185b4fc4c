import { describe, expect, it } from 'vitest';
import {
  EMPTY_AUDIT_FILTER,
  localDayStart,
  personIdFrom,
  toAuditFilter,
  type AuditFilterDraft,
} from './audit-filter';

const ID = '3f2a9c1d-5b6e-4f70-8a91-0c2d3e4f5a6b';
const draft = (patch: Partial<AuditFilterDraft>): AuditFilterDraft => ({
  ...EMPTY_AUDIT_FILTER,
  ...patch,
});

describe('the person field reads an id from what was pasted', () => {
  it.each([
    [ID, ID],
    [`  ${ID.toUpperCase()} `, ID],
    [`https://zemag.stadt.example/persons/${ID}`, ID],
    [`https://zemag.stadt.example/persons/${ID}?tab=listing#history`, ID],
    [`http://127.0.0.1:3935/persons/${ID}/`, ID],
    [`Person ${ID} (Akte)`, ID],
  ])('%s → the id', (text, id) => {
    expect(personIdFrom(text)).toBe(id);
  });

  it('prefers the id of the person page when an address holds two', () => {
    const other = '00000000-0000-4000-8000-000000000001';
    expect(personIdFrom(`https://x.example/persons/${ID}?from=${other}`)).toBe(ID);
  });

  it.each(['', 'Przybylski', 'https://zemag.example/persons/', '3f2a9c1d-5b6e-4f70-8a91'])(
    '%j holds no id',
    (text) => {
      expect(personIdFrom(text)).toBeNull();
    },
  );
});

describe('a day as the start of that day in the browser time zone', () => {
  it('is the local midnight, with the offset the API needs', () => {
    const start = localDayStart('2026-03-10');
    expect(start).toMatch(/^2026-03-10T00:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(start).getTime()).toBe(new Date(2026, 2, 10).getTime());
  });

  it('moves to the next day across a month and a year', () => {
    expect(localDayStart('2026-02-28', 1)).toMatch(/^2026-03-01T00:00:00/);
    expect(localDayStart('2026-12-31', 1)).toMatch(/^2027-01-01T00:00:00/);
  });
});

describe('the filter the page sends', () => {
  it('is empty for an empty form (the newest events)', () => {
    expect(toAuditFilter(EMPTY_AUDIT_FILTER)).toEqual({ filter: {}, problems: [] });
  });

  it('takes only what was filled in, trimmed; the to-day counts whole', () => {
    const read = toAuditFilter(
      draft({
        from: '2026-03-01',
        to: '2026-03-10',
        action: 'register.lookup',
        department: ' OA ',
        purpose: ' VZ 2026/0412 ',
        person: `https://zemag.example/persons/${ID}`,
        user: { id: ID, name: 'Rita Register (rita.register)' },
      }),
    );
    expect(read.problems).toEqual([]);
    expect(read.filter).toEqual({
      from: localDayStart('2026-03-01'),
      to: localDayStart('2026-03-11'),
      user: ID,
      department: 'OA',
      action: 'register.lookup',
      person: ID,
      purpose: 'VZ 2026/0412',
    });
  });

  it('reads German dates typed into the fields', () => {
    const read = toAuditFilter(draft({ from: '1.3.2026', to: '10.03.2026' }));
    expect(read.filter).toEqual({
      from: localDayStart('2026-03-01'),
      to: localDayStart('2026-03-11'),
    });
  });

  it('names the fields that keep it from being sent', () => {
    expect(toAuditFilter(draft({ from: 'gestern', person: 'Przybylski' })).problems).toEqual([
      { field: 'from', code: 'date' },
      { field: 'person', code: 'person_id' },
    ]);
    expect(toAuditFilter(draft({ from: '2026-03-10', to: '2026-03-01' })).problems).toEqual([
      { field: 'to', code: 'to_before_from' },
    ]);
    expect(toAuditFilter(draft({ to: '31.02.2026' })).problems).toEqual([
      { field: 'to', code: 'date' },
    ]);
  });
});
