import type {
  FieldLookupCandidate,
  RegistrarLookupCandidate,
  VisitListResult,
} from '@zemag/contracts';

/** A field staff's candidate as the API sends it. */
export const MEYER: FieldLookupCandidate = {
  band: 'wahrscheinlich',
  explanation: { de: 'Name ähnlich geschrieben', en: 'Name spelled similarly' },
  familyName: 'Meyer',
  givenNames: 'Hans Peter',
  dateOfBirth: '1975-03-12',
  matchedAddress: {
    street: 'Kölner Straße',
    houseNumber: '12a',
    postalCode: '50667',
    city: 'Köln',
    current: true,
  },
  level: 3,
  categories: ['weapon_or_tool'],
  precautions: [{ code: 'pairs_only', de: 'Nur zu zweit', en: 'Visit only in pairs' }],
  precautionsText: 'Hund im Hof',
  validUntil: '2027-06-30',
  contact: { department: 'ZeMAG-Stelle', phone: '0221 123-4567', contact: null },
};

/** The same candidate as a registrar gets it, with what only registrars may see. */
export function registrarCandidate(
  listing: Partial<RegistrarLookupCandidate['listing']> = {},
): RegistrarLookupCandidate {
  return {
    ...MEYER,
    personId: '0b8f6a1e-1c53-4bb1-9b7e-4b1f0e6f8a01',
    score: 0.83,
    aliases: [{ familyName: 'Maier', givenNames: null }],
    listing: {
      id: '9d2c4a57-7d0e-4e43-9f2f-0d3a0b7c1e02',
      status: 'active',
      restricted: false,
      incidents: [{ id: '5a3e8f0c-2b6d-4c8e-8a1f-3e9d7b2c4f03', reference: 'V-2026-0042' }],
      ...listing,
    },
  };
}

/** A visit list answer: a hit, a miss and a line that could not be read. */
export function visitList(view: 'field' | 'registrar' = 'field'): VisitListResult {
  const candidates =
    view === 'field'
      ? [MEYER]
      : [
          registrarCandidate(),
          registrarCandidate({ status: 'proposed' }),
          registrarCandidate({ restricted: true }),
        ];
  const notice = { de: 'Treffer prüfen', en: 'Check the matches' };
  const result = (cs: unknown[]) =>
    ({ view, auditSeq: 7, notice, candidates: cs }) as VisitListResult['lines'][number]['result'];
  return {
    auditSeq: 6,
    createdAt: '2026-11-27T07:00:00.000Z',
    keepUntil: '2026-11-27T17:00:00.000Z',
    purpose: { fileNumber: 'VZ 2026/0412', reason: 'enforcement' },
    lines: [
      {
        line: 1,
        input: 'Maier, Hans, 12.03.1975',
        query: { familyName: 'Maier', givenNames: 'Hans', dateOfBirth: '1975-03-12' },
        error: null,
        result: result(candidates),
      },
      {
        line: 2,
        input: 'Schulz, Eva',
        query: { familyName: 'Schulz', givenNames: 'Eva' },
        error: null,
        result: result([]),
      },
      {
        line: 3,
        input: '12.03.1975',
        query: null,
        error: { field: 'familyName', message: { de: 'Kein Name', en: 'No name' } },
        result: null,
      },
    ],
  } as VisitListResult;
}
