import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPartialDate } from '../../ui/format';
import { correctionLines, type ValueLabels, valueLines } from './correction-values';

/** German labels as the app shows them (the real ones come from i18n). */
const labels: ValueLabels = {
  date: (v) => formatPartialDate(v, 'de'),
  dateTime: (v) => formatDateTime(v, 'de', 'Europe/Berlin'),
  category: (k) => ({ threat: 'Bedrohung', coercion: 'Nötigung' })[k] ?? k,
  level: (l) => `Stufe ${l}`,
  injuries: (k) => ({ minor: 'leicht verletzt' })[k] ?? k,
  complaint: (s) => ({ yes: 'Anzeige erstattet', no: 'keine Anzeige' })[s] ?? s,
  fileNumber: (n) => `Aktenzeichen ${n}`,
  yesNo: (v) => (v === null ? 'Nicht bekannt' : v ? 'Ja' : 'Nein'),
  nameKind: (k) => ({ alias: 'Aliasname', former: 'früherer Name' })[k] ?? k,
  position: (p) => `GPS ${p.latitude}, ${p.longitude}`,
  born: (d) => `geb. ${d}`,
};

describe('the correction history shows values as a registrar reads them', () => {
  it.each<[string, unknown, string[]]>([
    ['dateOfBirth', '1978-03-14', ['14.03.1978']],
    ['dateOfBirth', '1978-03', ['03.1978']],
    ['dateOfBirth', '1978', ['1978']],
    ['dateOfBirth', null, ['–']],
    ['occurredAt', '2025-12-01T09:00:00.000Z', ['01.12.2025, 10:00']],
    ['categories', ['threat', 'coercion'], ['Bedrohung, Nötigung']],
    ['level', 3, ['Stufe 3']],
    ['injuries', 'minor', ['leicht verletzt']],
    ['policeInvolved', null, ['–']],
    ['policeInvolved', false, ['Nein']],
    [
      'criminalComplaint',
      { status: 'yes', fileNumber: '71 Js 12/25' },
      ['Anzeige erstattet – Aktenzeichen 71 Js 12/25'],
    ],
    ['criminalComplaint', { status: 'no', fileNumber: null }, ['keine Anzeige']],
    ['familyName', 'Meyer', ['Meyer']],
    ['description', '<b>nicht fett</b>', ['<b>nicht fett</b>']],
    [
      'place',
      {
        address: { street: 'Markt', houseNumber: '1', postalCode: '50667', city: 'Köln' },
        description: 'Schalter 3',
        position: { latitude: 50.9, longitude: 6.9, accuracyMeters: 12 },
      },
      ['Markt 1, 50667 Köln', 'Schalter 3', 'GPS 50.9, 6.9'],
    ],
    ['place', { address: null, description: 'Bürgerbüro', position: null }, ['Bürgerbüro']],
    [
      'names',
      [
        { kind: 'former', familyName: 'Meyer', givenNames: 'Hans' },
        { kind: 'alias', familyName: 'Hansi', givenNames: null },
      ],
      ['Meyer, Hans (früherer Name)', 'Hansi (Aliasname)'],
    ],
    ['names', [], ['–']],
    [
      'addresses',
      [
        {
          street: 'Lindenweg',
          houseNumber: '4',
          postalCode: null,
          city: null,
          validFrom: null,
          validTo: null,
        },
        {
          street: 'Alter Weg',
          houseNumber: null,
          postalCode: '50667',
          city: 'Köln',
          validFrom: '2019-01-01',
          validTo: '2024-06-30',
        },
      ],
      ['Lindenweg 4', 'Alter Weg, 50667 Köln (01.01.2019 – 30.06.2024)'],
    ],
    [
      'persons.0',
      {
        familyName: 'Meyer',
        givenNames: 'Klaus',
        dateOfBirth: '1975-04',
        address: null,
        description: 'groß',
      },
      ['Meyer, Klaus', 'geb. 04.1975', 'groß'],
    ],
  ])('%s %j', (field, value, expected) => {
    expect(valueLines(field, value, labels)).toEqual(expected);
  });

  it('lists each changed field with old and new lines, in the order of the form', () => {
    expect(
      correctionLines(
        {
          id: '00000000-0000-4000-8000-000000000001',
          at: '2026-01-15T08:00:00.000Z',
          actor: { id: '00000000-0000-4000-8000-000000000002', displayName: 'Rita Register' },
          reason: 'Nachtrag der Polizei',
          changes: {
            'persons.10': { from: { familyName: 'A' }, to: { familyName: 'B' } },
            level: { from: 2, to: 3 },
            'persons.2': { from: { familyName: 'C' }, to: { familyName: 'D' } },
            categories: { from: ['threat'], to: ['threat', 'coercion'] },
          },
        },
        labels,
      ),
    ).toEqual([
      { field: 'categories', from: ['Bedrohung'], to: ['Bedrohung, Nötigung'] },
      { field: 'level', from: ['Stufe 2'], to: ['Stufe 3'] },
      { field: 'persons.2', from: ['C'], to: ['D'] },
      { field: 'persons.10', from: ['A'], to: ['B'] },
    ]);
  });
});
