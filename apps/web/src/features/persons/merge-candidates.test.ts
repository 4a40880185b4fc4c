import type { Incident, IncidentSummary, Person, PersonCandidate } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { mergeCandidates } from './merge-candidates';

const person = (id: string, over: Partial<Person> = {}): Person => ({
  id,
  familyName: 'Mustermann',
  givenNames: 'Max',
  dateOfBirth: null,
  notes: null,
  names: [],
  addresses: [],
  mergedIntoId: null,
  updatedAt: '2026-01-15T08:00:00.000Z',
  ...over,
});

const involved = (id: string, personId: string | null) => ({
  id,
  familyName: 'Mustermann',
  givenNames: null,
  dateOfBirth: null,
  address: null,
  description: null,
  personId,
});

describe('records that may be duplicates of a person', () => {
  it('collects the other records suggested for the persons linked to this one, once each', async () => {
    const me = person('me');
    const reports = [{ id: 'r1' }, { id: 'r2' }] as IncidentSummary[];
    const incidents: Record<string, Partial<Incident>> = {
      r1: { id: 'r1', persons: [involved('a', 'me'), involved('b', 'someone-else')] },
      r2: { id: 'r2', persons: [involved('c', 'me')] },
    };
    const suggestions: Record<string, PersonCandidate[]> = {
      a: [
        { person: me, reasons: ['family_name'] },
        { person: person('twin'), reasons: ['family_name'] },
      ],
      b: [{ person: person('not-asked'), reasons: ['family_name'] }],
      c: [
        { person: person('twin'), reasons: ['family_name'] },
        { person: person('gone', { mergedIntoId: 'me' }), reasons: ['family_name'] },
        { person: person('other'), reasons: ['similar_family_name'] },
      ],
    };
    const asked: string[] = [];
    const found = await mergeCandidates(
      {
        personIncidents: async () => reports,
        incident: async (id) => incidents[id] as Incident,
        suggestions: async (_incident, involvedId) => {
          asked.push(involvedId);
          return suggestions[involvedId] ?? [];
        },
      },
      me,
    );
    expect(found.map((p) => p.id)).toEqual(['twin', 'other']);
    expect(asked).toEqual(['a', 'c']);
  });
});
