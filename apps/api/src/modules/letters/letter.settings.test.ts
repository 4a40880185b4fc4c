import { describe, expect, it } from 'vitest';
import { LetterSettingsError, readLetterheadSettings } from './letter.settings.js';

describe('readLetterheadSettings', () => {
  it('gives a fictional Musterstadt letterhead when nothing is set', () => {
    const s = readLetterheadSettings({});
    expect(s.cityName).toBe('Musterstadt');
    expect(s.senderOffice).toBe('Ordnungsamt – ZeMAG-Stelle');
    expect(s.senderAddress).toEqual(['Musterplatz 1', '12345 Musterstadt']);
    expect(s.dpoContact.join(' ')).toContain('datenschutz@musterstadt.example');
    expect(s.supervisoryAuthority[0]).toContain('Musterland');
    expect(s.legalBasis).toContain('Platzhalter');
    expect(s.departments).toContain('Ordnungsamt');
  });

  it('splits |-separated values into trimmed lines and drops empty parts', () => {
    const s = readLetterheadSettings({
      ZEMAG_CITY_NAME: ' Köln ',
      ZEMAG_LETTER_SENDER: 'Amt für Sicherheit | Willy-Brandt-Platz 2 || 50679 Köln',
      ZEMAG_LETTER_CONTACT: 'Telefon 0221 221-0',
      ZEMAG_LETTER_DEPARTMENTS: 'Ordnungsamt|Jugendamt',
    });
    expect(s.cityName).toBe('Köln');
    expect(s.senderOffice).toBe('Amt für Sicherheit');
    expect(s.senderAddress).toEqual(['Willy-Brandt-Platz 2', '50679 Köln']);
    expect(s.contact).toEqual(['Telefon 0221 221-0']);
    expect(s.departments).toEqual(['Ordnungsamt', 'Jugendamt']);
  });

  it('treats an empty variable as unset', () => {
    expect(readLetterheadSettings({ ZEMAG_CITY_NAME: '', ZEMAG_DPO_CONTACT: ' ' })).toEqual(
      readLetterheadSettings({}),
    );
  });

  it('lists every problem at once, each with its variable', () => {
    let error: unknown;
    try {
      readLetterheadSettings({
        ZEMAG_LETTER_SENDER: 'Nur ein Amt ohne Anschrift',
        ZEMAG_CITY_NAME: 'x'.repeat(101),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterSettingsError);
    const problems = (error as LetterSettingsError).problems;
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('ZEMAG_LETTER_SENDER'))).toBe(true);
    expect(problems.some((p) => p.startsWith('ZEMAG_CITY_NAME'))).toBe(true);
  });
});
