import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PRECAUTIONS } from '@zemag/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncoding, type LegacyEncoding } from './legacy-import.encoding.js';
import { legacyRows, type LegacyRowEvent } from './legacy-import.parse.js';

const HEADER = 'Aktenzeichen;Nachname;Vornamen;Stufe;Kategorien;Vorfallsdatum;Strafanzeige';
const ROW = (ref: string, family = 'Müller') => `${ref};${family};Jörg;2;Bedrohung;01.09.2025;ja`;
const TEXT = [HEADER, ROW('A-1'), ROW('A-2', 'Straßer')].join('\r\n');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-legacy-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let count = 0;

/** Writes the bytes to a file and reads it as the import does. */
async function read(bytes: Uint8Array, encoding?: LegacyEncoding) {
  const file = path.join(dir, `file-${(count += 1)}.csv`);
  fs.writeFileSync(file, bytes);
  const events: LegacyRowEvent[] = [];
  const options = { precautions: DEFAULT_PRECAUTIONS, today: '2026-01-15' };
  for await (const e of legacyRows({ file }, { ...options, ...(encoding ? { encoding } : {}) })) {
    events.push(e);
  }
  const of = <K extends LegacyRowEvent['kind']>(kind: K) =>
    events.filter((e): e is Extract<LegacyRowEvent, { kind: K }> => e.kind === kind);
  return {
    encoding: of('encoding')[0]?.encoding,
    names: of('row').map((e) => e.row.familyName),
    invalid: of('invalid').flatMap((e) => e.problems),
    refused: of('refused').flatMap((e) => e.problems),
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const BOM = { utf8: [0xef, 0xbb, 0xbf], le: [0xff, 0xfe], be: [0xfe, 0xff] };
const withBom = (bom: number[], bytes: Buffer) => Buffer.concat([Buffer.from(bom), bytes]);

describe('the encoding of a legacy file', () => {
  it.each([
    ['UTF-8', utf8(TEXT), { encoding: 'utf-8', bom: false }],
    ['UTF-8 with BOM', withBom(BOM.utf8, utf8(TEXT)), { encoding: 'utf-8', bom: true }],
    ['UTF-16LE with BOM', withBom(BOM.le, utf16le(TEXT)), { encoding: 'utf-16le', bom: true }],
    ['UTF-16BE with BOM', withBom(BOM.be, utf16be(TEXT)), { encoding: 'utf-16be', bom: true }],
    ['UTF-16LE without BOM', utf16le(TEXT), { encoding: 'utf-16le', by: 'pattern' }],
    ['UTF-16BE without BOM', utf16be(TEXT), { encoding: 'utf-16be', by: 'pattern' }],
  ])('reads %s and says so', async (_, bytes, expected) => {
    const file = await read(bytes);
    expect(file.encoding).toMatchObject(expected);
    expect(file.refused).toEqual([]);
    expect(file.names).toEqual(['Müller', 'Straßer']);
  });

  it('refuses invalid UTF-8, naming the line, the character and the byte', async () => {
    // "MÃ(ig": a broken two-byte sequence in the family name of the second data row.
    const bytes = Buffer.concat([
      utf8(`${HEADER}\r\n${ROW('A-1')}\r\nA-2;M`),
      Buffer.from([0xc3, 0x28]),
      utf8('ig;Jörg;2;Bedrohung;01.09.2025;ja\r\n'),
    ]);
    const file = await read(bytes);
    expect(file.names).toEqual([]);
    expect(file.refused).toEqual([expect.objectContaining({ row: 3, char: 6, field: 'file' })]);
    expect(file.refused[0]!.message.en).toContain('not valid UTF-8 (first unreadable byte 0xC3)');
  });

  it('reads Windows-1252 only when asked for it', async () => {
    const bytes = Buffer.from(TEXT.replace(/[^\n]+$/, ROW('A-2', 'Straßer')), 'latin1');
    const guessed = await read(bytes);
    expect(guessed.names).toEqual([]);
    expect(guessed.refused[0]).toMatchObject({ row: 2, char: 6 });

    const asked = await read(bytes, 'windows-1252');
    expect(asked.encoding).toEqual({ encoding: 'windows-1252', bom: false, by: 'option' });
    expect(asked.names).toEqual(['Müller', 'Straßer']);
  });

  it('refuses a NUL character and UTF-16 with a lone surrogate, by line', async () => {
    const nul = await read(utf8(`${HEADER}\n${ROW('A-1')}\nA-2;Me\u0000yer`));
    expect(nul.refused).toEqual([expect.objectContaining({ row: 3, char: 7 })]);
    const surrogate = await read(withBom(BOM.le, utf16le(`${HEADER}\n${ROW('A-1', 'M\uD800x')}`)));
    expect(surrogate.refused).toEqual([expect.objectContaining({ row: 2, char: 6 })]);
    expect(surrogate.refused[0]!.message.en).toContain('0xD800');
  });

  it('recognises UTF-16 without BOM only by a clear NUL pattern', () => {
    expect(detectEncoding(utf8('Aktenzeichen;Nachname')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0x41, 0x00, 0x42])).encoding).toBe('utf-8');
    expect(detectEncoding(utf16le('Aktenzeichen;Nachname;Ā')).encoding).toBe('utf-16le');
  });
});

describe('a CSV error in a legacy file', () => {
  it('names the row and column of a stray quote; the other rows are read', async () => {
    const file = await read(
      utf8(
        [HEADER, ROW('A-1'), 'A-2;Me"yer;Hans;2;Bedrohung;01.09.2025;ja', ROW('A-3')].join('\n'),
      ),
    );
    expect(file.names).toEqual(['Müller', 'Müller']);
    expect(file.invalid).toEqual([
      expect.objectContaining({ row: 3, field: 'familyName', column: 'Nachname' }),
    ]);
    // After a closing quote followed by more text, the CSV reader cannot find the next row
    // again (it reads on as if quoted): the file is refused, naming that row and column.
    const closing = await read(
      utf8([HEADER, 'A-1;"Meyer"x;Hans;2;Bedrohung;01.09.2025;ja', ROW('A-2')].join('\n')),
    );
    expect(closing.names).toEqual([]);
    expect(closing.invalid).toEqual([expect.objectContaining({ row: 2, column: 'Nachname' })]);
    expect(closing.refused).toEqual([expect.objectContaining({ row: 2, field: 'file' })]);
  });

  it('refuses the file at a quote that is never closed, naming the row where it opened', async () => {
    const file = await read(
      utf8(
        [HEADER, ROW('A-1'), 'A-2;"Meyer;Hans;2;Bedrohung;01.09.2025;ja', ROW('A-3')].join('\n'),
      ),
    );
    expect(file.refused).toEqual([expect.objectContaining({ row: 3, field: 'file' })]);
  });
});

describe('formula cells in a legacy file', () => {
  it.each(['=HYPERLINK("http://x";"Meyer")', '+Meyer', '-Meyer', '@SUM(A1)', '\t=Meyer'])(
    'refuses the name %j, naming row and column',
    async (name) => {
      const file = await read(
        utf8([HEADER, ROW('A-1'), ROW('A-2', `"${name.replaceAll('"', '""')}"`)].join('\n')),
      );
      expect(file.names).toEqual(['Müller']);
      expect(file.invalid).toEqual([
        expect.objectContaining({ row: 3, field: 'familyName', column: 'Nachname' }),
      ]);
    },
  );
});
