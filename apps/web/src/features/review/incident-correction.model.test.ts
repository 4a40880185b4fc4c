import type { Incident } from '@zemag/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { Translator } from '../../api/problem-message';
import { type ReportDraft, draftFrom } from '../incidents/report-form.model';
import {
  changesNothing,
  correctionRefusal,
  incidentCorrectionRequest,
  reasonRefusal,
} from './incident-correction.model';

const incident: Incident = {
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'V-2026-00001',
  status: 'confirmed',
  occurredAt: '2025-12-01T09:00:37.000Z',
  place: { address: null, description: 'Bürgerbüro Nord', position: null },
  categories: ['threat'],
  level: 2,
  incomplete: false,
  description: 'Drohte der Sachbearbeiterin.',
  injuries: 'unknown',
  policeInvolved: null,
  criminalComplaint: { status: 'yes', fileNumber: 'StA 77 Js 300/26' },
  persons: [
    {
      id: '00000000-0000-4000-8000-00000000000a',
      familyName: 'Meyer',
      givenNames: 'Hans',
      dateOfBirth: '1975-03-02',
      address: null,
      description: null,
      personId: null,
    },
    {
      id: '00000000-0000-4000-8000-00000000000b',
      familyName: null,
      givenNames: null,
      dateOfBirth: null,
      address: null,
      description: 'Begleiter, etwa 30 Jahre',
      personId: null,
    },
  ],
  quick: false,
  reporter: { id: '00000000-0000-4000-8000-000000000002', displayName: 'P', department: null },
  submittedAt: '2025-12-01T10:00:00.000Z',
  updatedAt: '2025-12-01T10:00:00.000Z',
  version: 3,
  messages: [],
  actions: [],
};

const tr: Translator = {
  t: (key: string) => `«${key}»`,
  exists: () => true,
  language: 'de',
} as unknown as Translator;

describe('the report correction form', () => {
  it('sends nothing when nothing was changed (the stored seconds do not count)', () => {
    const request = incidentCorrectionRequest(incident, draftFrom(incident), ' Grund ');
    expect(request).toEqual({ reason: 'Grund', expectedVersion: 3, changes: {} });
    expect(changesNothing(request)).toBe(true);
  });

  it('sends only the facts that changed, with the version seen', () => {
    const draft: ReportDraft = {
      ...draftFrom(incident),
      categories: ['threat', 'coercion'],
      street: 'Marktplatz',
      houseNumber: '1',
    };
    const { changes } = incidentCorrectionRequest(incident, draft, 'Nachtrag');
    expect(changes).toEqual({
      categories: ['threat', 'coercion'],
      place: {
        address: { street: 'Marktplatz', houseNumber: '1', postalCode: null, city: null },
        description: 'Bürgerbüro Nord',
        position: null,
      },
    });
  });

  it('sends every person with its id when one of them changed, so messages keep their numbers', () => {
    const draft = draftFrom(incident);
    draft.persons[1] = { ...draft.persons[1]!, familyName: 'Schulz' };
    const { changes } = incidentCorrectionRequest(incident, draft, 'Nachtrag');
    expect(Object.keys(changes)).toEqual(['persons']);
    expect(changes.persons).toMatchObject([
      { id: incident.persons[0]!.id, familyName: 'Meyer', dateOfBirth: '1975-03-02' },
      {
        id: incident.persons[1]!.id,
        familyName: 'Schulz',
        description: 'Begleiter, etwa 30 Jahre',
      },
    ]);
  });

  it('needs a reason of at least 10 characters', () => {
    expect(reasonRefusal('  kurz   ')?.problems).toEqual([
      { field: 'reason', code: 'too_short', params: { min: 10 } },
    ]);
    expect(reasonRefusal('Meldeauskunft vom 2. März')).toBeNull();
  });

  it('puts the server’s field messages at the form’s fields, the rest into one sentence', () => {
    const atField = correctionRefusal(
      new ApiError({
        status: 409,
        code: 'incident.correction_breaks_listing',
        fieldErrors: [
          {
            field: 'changes.level',
            code: 'incident.correction_breaks_listing',
            message: { de: 'x', en: 'x' },
          },
        ],
      }),
      tr,
    );
    expect(atField.problems.map((p) => p.field)).toEqual(['level']);
    expect(atField.message).toBeNull();
    const stale = correctionRefusal(
      new ApiError({
        status: 409,
        code: 'correction.stale',
        fieldErrors: [
          { field: 'expectedVersion', code: 'correction.stale', message: { de: 'x', en: 'x' } },
        ],
      }),
      tr,
    );
    expect(stale.problems).toEqual([]);
    expect(stale.message).toContain('correction.stale');
  });
});
