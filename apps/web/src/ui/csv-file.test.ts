import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES, countDataRows, decodeCsvBytes, readCsvFile } from './csv-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 and drops the byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('code;name\n32;Ordnungsamt Süd')]);
    expect(decodeCsvBytes(bytes)).toEqual({
      ok: true,
      text: 'code;name\n32;Ordnungsamt Süd',
      encoding: 'utf-8',
    });
  });

  it('reads an Excel file in Windows-1252 with its umlauts intact', () => {
    // "Straßenverkehrsbehörde" with ß = 0xDF and ö = 0xF6
    const latin = new Uint8Array([
      ...utf8('code;name\n36;Stra'),
      0xdf,
      ...utf8('enverkehrsbeh'),
      0xf6,
      ...utf8('rde'),
    ]);
    expect(decodeCsvBytes(latin)).toEqual({
      ok: true,
      text: 'code;name\n36;Straßenverkehrsbehörde',
      encoding: 'windows-1252',
    });
  });

  it('refuses an empty, a binary and an oversized file', () => {
    expect(decodeCsvBytes(utf8(' \n '))).toEqual({ ok: false, reason: 'empty' });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
    expect(decodeCsvBytes(new Uint8Array(MAX_CSV_BYTES + 1))).toEqual({
      ok: false,
      reason: 'too_large',
    });
  });
});

describe('readCsvFile', () => {
  it('reads a picked file', async () => {
    const file = new Blob([utf8('username;display_name\nkim;Kim')]);
    await expect(readCsvFile(file)).resolves.toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});

describe('countDataRows', () => {
  it('counts the lines after the header, ignoring blank ones and any line ending', () => {
    expect(countDataRows('h\r\na\r\n\r\nb\rc\n')).toBe(3);
    expect(countDataRows('only a header')).toBe(0);
  });
});
