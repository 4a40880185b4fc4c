import { DEFAULT_PRECAUTIONS } from '@zemag/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLegacyFile, type LegacyRow } from './legacy-import.parse.js';
import { planRow } from './legacy-import.plan.js';

const OPTIONS = { precautions: DEFAULT_PRECAUTIONS, today: '2026-01-15' };
const GERMAN =
  'Aktenzeichen;Nachname;Vornamen;Geburtsdatum;Aliasnamen;Frühere Namen;Adressen;Stufe;Kategorien;Vorfallsdatum;Strafanzeige;Aktenzeichen Strafanzeige;Vorsichtsmaßnahmen;Hinweise;Gültig bis;Bemerkung';
const ENGLISH =
  'legacy_reference,family_name,given_names,date_of_birth,aliases,former_names,addresses,level,categories,incident_date,criminal_complaint,complaint_file_number,precautions,precautions_text,valid_until,note';

const rowsOf = async (text: string) => {
  const parsed = await parseLegacyFile(text, OPTIONS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed;
};

/** The cells of a row in the column order of GERMAN / ENGLISH. */
const cells = (overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    reference: 'GL-1',
    familyName: 'Meyer',
    givenNames: 'Hans Peter',
    dateOfBirth: '17.05.1980',
    aliases: 'Maier, Hans|Meier',
    formerNames: 'Schmitz',
    addresses: 'Hauptstraße 12a, 52062 Aachen|Am Markt 3',
    level: '3',
    categories: 'Einsatz von Werkzeugen oder Waffen|Bedrohung',
    incidentDate: '01.06.2025',
    criminalComplaint: 'ja',
    complaintFileNumber: 'StA 1 Js 2/25',
    precautions: 'Nur zu zweit|police_escort',
    precautionsText: 'Hund im Hof',
    validUntil: '30.06.2027',
    note: 'Messer gezogen',
    ...overrides,
  };
  return Object.values(values);
};

const EXPECTED: Omit<LegacyRow, 'row' | 'hash'> = {
  reference: 'GL-1',
  familyName: 'Meyer',
  givenNames: 'Hans Peter',
  dateOfBirth: '1980-05-17',
  aliases: [
    { familyName: 'Maier', givenNames: 'Hans' },
    { familyName: 'Meier', givenNames: null },
  ],
  formerNames: [{ familyName: 'Schmitz', givenNames: null }],
  addresses: [
    { street: 'Hauptstraße', houseNumber: '12a', postalCode: '52062', city: 'Aachen' },
    { street: 'Am Markt', houseNumber: '3', postalCode: null, city: null },
  ],
  level: 3,
  categories: ['weapon_or_tool', 'threat'],
  incidentDate: '2025-06-01',
  criminalComplaint: { status: 'yes', fileNumber: 'StA 1 Js 2/25' },
  precautions: ['pairs_only', 'police_escort'],
  precautionsText: 'Hund im Hof',
  validUntil: '2027-06-30',
  note: 'Messer gezogen',
};

describe('legacy spreadsheet', () => {
  it.each([
    ['German headers, ;', GERMAN, ';'],
    ['English headers, ,', ENGLISH, ','],
    ['German headers, tab', GERMAN.replaceAll(';', '\t'), '\t'],
    [
      'German headers with the app’s word Schutzmaßnahmen, ;',
      GERMAN.replace('Vorsichtsmaßnahmen', 'Schutzmaßnahmen'),
      ';',
    ],
  ])('reads %s', async (_, header, separator) => {
    const quote = (c: string) => (c.includes(separator) || c.includes(',') ? `"${c}"` : c);
    const { rows, problems } = await rowsOf(
      `\uFEFF${header}\r\n${cells().map(quote).join(separator)}\r\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ row: 2, ...EXPECTED });
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [{ level: 'Stufe 2' }, { level: 2 }],
    [
      { criminalComplaint: '' },
      { criminalComplaint: { status: 'unknown', fileNumber: 'StA 1 Js 2/25' } },
    ],
    [
      { criminalComplaint: 'geplant' },
      { criminalComplaint: { status: 'planned', fileNumber: 'StA 1 Js 2/25' } },
    ],
    [
      { categories: 'körperliche Gewalt, Sachbeschädigung, Nötigung' },
      { categories: ['physical_violence', 'property_damage', 'coercion'] },
    ],
    [
      { precautions: 'Kein Hausbesuch – Vorladung ins Amt, dog_known' },
      { precautions: ['no_home_visit', 'dog_known'] },
    ],
    [{ dateOfBirth: '1980' }, { dateOfBirth: '1980' }],
    [{ dateOfBirth: '05.1980' }, { dateOfBirth: '1980-05' }],
    [
      { incidentDate: '2025-06-01', validUntil: '' },
      { incidentDate: '2025-06-01', validUntil: null },
    ],
    [
      { aliases: '', formerNames: '', addresses: '' },
      { aliases: [], formerNames: [], addresses: [] },
    ],
  ])('reads %j', async (override, expected) => {
    const { rows, problems } = await rowsOf(`${GERMAN}\n${cells(override).join(';')}`);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject(expected);
  });

  it.each([
    ['reference', 'Aktenzeichen', { reference: '' }],
    ['familyName', 'Nachname', { familyName: '' }],
    ['dateOfBirth', 'Geburtsdatum', { dateOfBirth: '31.02.1980' }],
    ['dateOfBirth', 'Geburtsdatum', { dateOfBirth: '01.01.2030' }],
    ['aliases', 'Aliasnamen', { aliases: ', Hans' }],
    ['addresses', 'Adressen', { addresses: '52062 Aachen' }],
    ['addresses', 'Adressen', { addresses: `Hauptstraße 1|${'Lange'.repeat(41)}straße 2` }],
    [
      'addresses',
      'Adressen',
      { addresses: 'Hauptstraße 1, 52062 Aachen-Mitte-Nord'.padEnd(140, 'x') },
    ],
    ['level', 'Stufe', { level: '4' }],
    ['level', 'Stufe', { level: '' }],
    ['categories', 'Kategorien', { categories: 'Randale' }],
    ['categories', 'Kategorien', { categories: '' }],
    ['incidentDate', 'Vorfallsdatum', { incidentDate: '06.2025' }],
    ['incidentDate', 'Vorfallsdatum', { incidentDate: '01.02.2026' }],
    ['criminalComplaint', 'Strafanzeige', { criminalComplaint: 'vielleicht' }],
    ['precautions', 'Vorsichtsmaßnahmen', { precautions: 'Schutzweste' }],
    ['validUntil', 'Gültig bis', { validUntil: '2027' }],
    ['note', 'Bemerkung', { note: 'x'.repeat(2001) }],
  ])('refuses a bad %s (column %s)', async (field, column, override) => {
    const parsed = await rowsOf(
      `${GERMAN}\n${cells().join(';')}\n${cells({ reference: 'GL-2', ...override }).join(';')}`,
    );
    expect(parsed.rows.map((r) => r.reference)).toEqual(['GL-1']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ row: 3, field, column });
    expect(parsed.problems[0]!.message.de).toMatch(/\S/);
    expect(parsed.problems[0]!.message.en).toMatch(/\S/);
  });

  it('refuses a reference used twice, naming the first row', async () => {
    const parsed = await rowsOf(
      `${GERMAN}\n${cells().join(';')}\n\n${cells({ reference: 'gl-1' }).join(';')}`,
    );
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        row: 4,
        field: 'reference',
        message: expect.objectContaining({ de: 'Dieses Aktenzeichen steht schon in Zeile 2.' }),
      }),
    ]);
  });

  it('names every missing required column, and an empty or broken file', async () => {
    expect(await parseLegacyFile('Nachname;Vorname\nMeyer;Hans', OPTIONS)).toMatchObject({
      ok: false,
      problems: [
        { row: 1, field: 'reference', column: 'Aktenzeichen' },
        { row: 1, field: 'level', column: 'Stufe' },
        { row: 1, field: 'categories', column: 'Kategorien' },
        { row: 1, field: 'incidentDate', column: 'Vorfallsdatum' },
      ],
    });
    expect(await parseLegacyFile('', OPTIONS)).toMatchObject({
      ok: false,
      problems: [{ field: 'file' }],
    });
    expect(await parseLegacyFile(`${GERMAN}\n"GL-1;Meyer`, OPTIONS)).toMatchObject({
      ok: false,
      problems: [{ field: 'file' }],
    });
  });

  it('gives the same hash to the same values and another to changed ones', async () => {
    const hash = async (text: string) => (await rowsOf(`${GERMAN}\n${text}`)).rows[0]!.hash;
    expect(await hash(cells().join(';'))).toBe(
      await hash(cells().join(';').replace('Meyer', ' Meyer ')),
    );
    expect(await hash(cells().join(';'))).not.toBe(await hash(cells({ level: '2' }).join(';')));
  });
});

describe('any file', () => {
  it('is read without throwing: rows or problems named by row and field', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('ja', '2', '3', '01.06.2025', 'Bedrohung', 'Meyer', '"', '|', '\n', 'Waffe'),
    );
    const file = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 16 }), { maxLength: 6 })
      .map((rows) => [GERMAN, ...rows.map((r) => r.join(';'))].join('\n'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(file, fc.string({ maxLength: 200 })), async (text) => {
        const parsed = await parseLegacyFile(text, OPTIONS);
        for (const p of parsed.problems) {
          expect(p.row).toBeGreaterThanOrEqual(1);
          // No placeholder of the message left unfilled (a quoted value may be "{0}" itself).
          expect(p.message.de.replace(/„[^“]*“/g, '„…“')).not.toMatch(/\{\w+\}/);
        }
        if (parsed.ok) {
          for (const row of parsed.rows) expect(row.familyName).toMatch(/\p{L}/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('which rows are taken over and which get a proposed listing', () => {
  const row = {
    level: 2 as const,
    criminalComplaint: { status: 'yes' as const, fileNumber: null },
    categories: ['threat' as const],
    incidentDate: '2025-06-01',
    validUntil: null,
  };
  const plan = (override: Partial<typeof row> | Record<string, unknown>) =>
    planRow({ ...row, ...override } as typeof row, { today: '2026-01-15', validityMonths: 24 });

  it.each([
    [
      {},
      { take: true, listing: { propose: true, validUntil: '2027-06-01', categories: ['threat'] } },
    ],
    [
      { level: 3, validUntil: '2030-12-31' },
      { take: true, listing: { propose: true, validUntil: '2030-12-31' } },
    ],
    [
      { categories: ['insult', 'threat'] },
      { take: true, listing: { propose: true, categories: ['threat'] } },
    ],
    [{ level: 1 }, { take: true, listing: { propose: false, reason: 'listing.not_qualified' } }],
    [
      { criminalComplaint: { status: 'no', fileNumber: null } },
      { take: true, listing: { propose: false, reason: 'listing.not_qualified' } },
    ],
    [
      { criminalComplaint: { status: 'planned', fileNumber: null } },
      { take: true, listing: { propose: false, reason: 'listing.not_qualified' } },
    ],
    [
      { categories: ['insult'] },
      { take: true, listing: { propose: false, reason: 'listing.not_qualified' } },
    ],
    [
      { validUntil: '2031-02-01' },
      { take: true, listing: { propose: false, reason: 'listing.valid_until_invalid' } },
    ],
    [{ incidentDate: '2023-06-01' }, { take: false, endedOn: '2025-06-01' }],
    [
      { level: 1, incidentDate: '2023-06-01' },
      { take: false, endedOn: '2025-06-01' },
    ],
    [{ validUntil: '2026-01-15' }, { take: false, endedOn: '2026-01-15' }],
  ])('%j → %j', (override, expected) => {
    expect(plan(override)).toMatchObject(expected);
  });
});
