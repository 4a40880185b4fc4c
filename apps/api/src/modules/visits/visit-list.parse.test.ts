import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGermanDate } from './german-date.js';
import { detectSeparator, parseVisitList, readHeader } from './visit-list.parse.js';
import { readFreeLine, splitName } from './visit-list.line.js';

const parseOk = (text: string) => {
  const parsed = parseVisitList(text, { maxEntries: 100 });
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.reason}`);
  return parsed;
};

describe('German dates', () => {
  it.each([
    ['17.05.1980', '1980-05-17'],
    ['7.5.1980', '1980-05-07'],
    ['05.1980', '1980-05'],
    ['5.1980', '1980-05'],
    ['1980', '1980'],
    ['1980-05-17', '1980-05-17'],
    ['1980-05', '1980-05'],
    [' 29.02.2000 ', '2000-02-29'],
  ])('%s is read as %s', (text, iso) => {
    expect(parseGermanDate(text)).toEqual({ ok: true, date: iso });
  });

  it.each(['17.05.80', '31.02.1980', '13.1980', '1980-13', '1899', '00.05.1980', 'Mai 1980', ''])(
    '%s is refused',
    (text) => {
      expect(parseGermanDate(text)).toEqual({ ok: false });
    },
  );
});

describe('free lines', () => {
  it.each([
    [
      'Meyer, Hans, 17.05.1980',
      { familyName: 'Meyer', givenNames: 'Hans', dateOfBirth: '1980-05-17' },
    ],
    [
      'Meyer; Hans Peter; 05.1980',
      { familyName: 'Meyer', givenNames: 'Hans Peter', dateOfBirth: '1980-05' },
    ],
    ['Yılmaz Ayşe 1980', { familyName: 'Yılmaz', givenNames: 'Ayşe', dateOfBirth: '1980' }],
    ['Müller-Lüdenscheidt', { familyName: 'Müller-Lüdenscheidt' }],
    [
      'von der Heide Klaus 1970-01-02',
      { familyName: 'von der Heide', givenNames: 'Klaus', dateOfBirth: '1970-01-02' },
    ],
    [
      'Schmidt Peter geb. 7.5.1980',
      { familyName: 'Schmidt', givenNames: 'Peter', dateOfBirth: '1980-05-07' },
    ],
    [
      'Hauptstraße 12a, 52062 Aachen',
      {
        address: { street: 'Hauptstraße', houseNumber: '12a', postalCode: '52062', city: 'Aachen' },
      },
    ],
    [
      'Hauptstr.12 52062 Aachen',
      { address: { street: 'Hauptstr.', houseNumber: '12', postalCode: '52062', city: 'Aachen' } },
    ],
    ['Kölner Straße 12 A', { address: { street: 'Kölner Straße', houseNumber: '12 A' } }],
    [
      'Am Markt, 50667 Köln',
      { address: { street: 'Am Markt', postalCode: '50667', city: 'Köln' } },
    ],
    ['Lindenallee', { address: { street: 'Lindenallee' } }],
    ['Lindenweg 4', { address: { street: 'Lindenweg', houseNumber: '4' } }],
    ['Hellweg, Jan', { familyName: 'Hellweg', givenNames: 'Jan' }],
    ['Platz, Hans', { familyName: 'Platz', givenNames: 'Hans' }],
    [
      'Meyer Hans 17.05.1980 Hauptstraße 5 52062 Aachen',
      {
        familyName: 'Meyer',
        givenNames: 'Hans',
        dateOfBirth: '1980-05-17',
        address: { street: 'Hauptstraße', houseNumber: '5', postalCode: '52062', city: 'Aachen' },
      },
    ],
    [
      'Meyer Hans, Kölner Straße 5',
      {
        familyName: 'Meyer',
        givenNames: 'Hans',
        address: { street: 'Kölner Straße', houseNumber: '5' },
      },
    ],
    [
      'Schmidt Am Markt 3',
      { familyName: 'Schmidt', address: { street: 'Am Markt', houseNumber: '3' } },
    ],
    ['Kaiser-Wilhelm-Ring 3-5', { address: { street: 'Kaiser-Wilhelm-Ring', houseNumber: '3-5' } }],
    [
      'Meyer, Hans, 17.05.1980, Hauptstraße 12, 52062 Aachen',
      {
        familyName: 'Meyer',
        givenNames: 'Hans',
        dateOfBirth: '1980-05-17',
        address: { street: 'Hauptstraße', houseNumber: '12', postalCode: '52062', city: 'Aachen' },
      },
    ],
    [
      'Meyer, Hans, Hauptstraße 12, Aachen',
      {
        familyName: 'Meyer',
        givenNames: 'Hans',
        address: { street: 'Hauptstraße', houseNumber: '12', city: 'Aachen' },
      },
    ],
    ['Meyer\tHans\t1975', { familyName: 'Meyer', givenNames: 'Hans', dateOfBirth: '1975' }],
    ['Döring, Hans', { familyName: 'Döring', givenNames: 'Hans' }],
  ])('%s', (line, query) => {
    expect(readFreeLine(line, 1)).toEqual({ line: 1, input: line, query, error: null });
  });

  it.each([
    ['Meyer, Hans, 17.05.80', 'dateOfBirth'],
    ['Meyer, Hans, 31.02.1980', 'dateOfBirth'],
    ['Meyer 1980 17.05.1980', 'dateOfBirth'],
    ['Meyer, Hans, Peter, Paul', 'familyName'],
    ['1980', 'familyName'],
    ['---', 'familyName'],
    ['Hauptstraße 1, Nebenweg 2', 'address.street'],
    ['52062 Aachen', 'address.street'],
    [`${'x'.repeat(101)}, Hans`, 'familyName'],
  ])('%s is refused naming %s', (line, field) => {
    const entry = readFreeLine(line, 4);
    expect(entry.query).toBeNull();
    expect(entry.error?.field).toBe(field);
    expect(entry.error?.message.de).toMatch(/\S/);
    expect(entry.error?.message.en).toMatch(/\S/);
  });

  it('keeps particles with the family name', () => {
    expect(splitName('van der Berg Anna Lena')).toEqual(['van der Berg', 'Anna Lena']);
    expect(splitName('Meyer')).toEqual(['Meyer', undefined]);
  });
});

describe('CSV visit lists', () => {
  it.each([
    [';', 'Nachname;Vorname;Geburtsdatum;Straße;Hausnummer;PLZ;Ort'],
    [',', 'family_name,given_names,date_of_birth,street,house_number,postal_code,city'],
    ['\t', 'Nachname\tVorname\tGeburtsdatum\tStrasse\tHausnr.\tPLZ\tOrt'],
  ])('reads %j separated files with German or English headers', (separator, header) => {
    expect(detectSeparator(header)).toBe(separator);
    const row = ['Meyer', 'Hans', '17.05.1980', 'Hauptstraße', '12a', '52062', 'Aachen'];
    const parsed = parseOk(`\uFEFF${header}\r\n${row.join(separator)}\r\n\r\n`);
    expect(parsed.format).toBe('csv');
    expect(parsed.entries).toEqual([
      {
        line: 2,
        input: row.join(separator),
        error: null,
        query: {
          familyName: 'Meyer',
          givenNames: 'Hans',
          dateOfBirth: '1980-05-17',
          address: {
            street: 'Hauptstraße',
            houseNumber: '12a',
            postalCode: '52062',
            city: 'Aachen',
          },
        },
      },
    ]);
  });

  it('names the column of a bad cell and keeps the other rows', () => {
    const parsed = parseOk(
      [
        'Nachname;Vorname;Geburtsdatum;Straße;PLZ',
        'Meyer;Hans;17.05.80;;',
        'Schmidt;Peter;;Hauptstraße 3;5206',
        ';;;;',
        ';Eva;1980;;',
        '"Multi',
        'line";Anna;;;',
        'Becker;Tom;;;',
      ].join('\n'),
    );
    expect(parsed.entries.map((e) => [e.line, e.error?.field ?? null])).toEqual([
      [2, 'dateOfBirth'],
      [3, 'address.postalCode'],
      [5, 'familyName'],
      [6, null],
      [8, null],
    ]);
    expect(parsed.entries[3]!.query).toEqual({ familyName: 'Multi\nline', givenNames: 'Anna' });
  });

  it('reads an address column like a free line and ignores unknown columns', () => {
    const parsed = parseOk(
      'Name,Adresse,Aktenzeichen\nMeyer,"Hauptstraße 12, 52062 Aachen",OA-1\n',
    );
    expect(parsed.entries[0]!.query).toEqual({
      familyName: 'Meyer',
      address: { street: 'Hauptstraße', houseNumber: '12', postalCode: '52062', city: 'Aachen' },
    });
  });

  it('reports an unclosed quote on its line', () => {
    const parsed = parseOk('Nachname;Vorname\nMeyer;Hans\nSchmidt;"Peter\n');
    expect(parsed.entries.map((e) => [e.line, e.error?.field ?? null])).toEqual([
      [2, null],
      [3, 'text'],
    ]);
  });

  it('does not take a free line for a header', () => {
    expect(readHeader('Meyer, Hans, 17.05.1980')).toBeNull();
    expect(readHeader('Name, Vorname')).not.toBeNull();
    expect(parseOk('Meyer, Hans\nSchmidt, Peter').format).toBe('lines');
  });
});

describe('list size', () => {
  it('refuses an empty list and a list over the limit, counting entries without the header', () => {
    expect(parseVisitList(' \n\n', { maxEntries: 100 })).toMatchObject({
      ok: false,
      reason: 'empty',
    });
    expect(parseVisitList('Nachname;Vorname\n', { maxEntries: 100 })).toMatchObject({
      ok: false,
      reason: 'empty',
    });
    const names = Array.from({ length: 101 }, (_, i) => `Meyer${i}, Hans`);
    expect(parseVisitList(names.join('\n'), { maxEntries: 100 })).toMatchObject({
      ok: false,
      reason: 'too_many_entries',
      count: 101,
    });
    expect(parseOk(names.slice(0, 100).join('\n\n')).entries).toHaveLength(100);
    expect(parseOk(['Nachname', ...names.slice(0, 100)].join('\n')).entries).toHaveLength(100);
  });

  it('never throws on garbage', () => {
    for (const text of [
      '"',
      '";;;"',
      '\u0000\u0001',
      ',,,,',
      'Nachname\n"',
      '\uFEFF',
      'Straße;"\n\n"x',
    ]) {
      expect(() => parseVisitList(text, { maxEntries: 100 })).not.toThrow();
    }
  });

  it('reads any text without throwing: each entry has a query or an error, never both', () => {
    const pieces = fc.constantFrom(
      'Meyer',
      'Hans',
      '17.05.1980',
      '05.1980',
      '1980',
      '17.05.80',
      'Hauptstraße',
      '12a',
      '52062',
      'Aachen',
      'Am',
      'Markt',
      ',',
      ';',
      '\t',
      '\n',
      '"',
      ' ',
      'Nachname',
      'PLZ',
      'ß',
      '-',
      '*',
    );
    const texts = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const parsed = parseVisitList(text, { maxEntries: 100 });
        if (!parsed.ok) return;
        for (const entry of parsed.entries) {
          expect((entry.query === null) !== (entry.error === null)).toBe(true);
          expect(entry.line).toBeGreaterThanOrEqual(1);
          if (entry.query) {
            const searchable = [entry.query.familyName, entry.query.address?.street];
            expect(searchable.some((t) => t !== undefined && /\p{L}/u.test(t))).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
