import { PersonInput } from '@zemag/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from './letter.content.js';
import { buildLetterInput } from './letter.fixtures.js';
import { LetterUnprintableError, notificationLetterPdf } from './notification-letter.js';
import { unprintableFieldErrors } from './letter.refusal.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { unstorableCharacter } from '../../db/stored-text.js';

/** Characters of the scripts a German city meets, of scripts not shipped, and odd ones. */
const CHARACTERS = [
  ...'abcXYZ äöüßÄÖÜẞ éèçñłøıİğşžćđ ǅ Nguyễn',
  ...'ΑβγΩω ЖжЁёЇї',
  ...'محمدعليپژگکی',
  ...'דודכהן',
  ...'ԱբգՊ',
  ...'აბგდ',
  ...'ሰላምተ',
  ...'王小明佐藤はるとアキ',
  // combining marks: acute, diaeresis, long stroke overlay, dot below
  '\u0301',
  '\u0308',
  '\u0336',
  '\u0323',
  // not shipped: Hangul, Devanagari, Thai, emoji, Linear B, private use
  ...'김한अमถ😀',
  '𐀀',
  '\uE000',
  // invisible and odd: ZWNJ, ZWJ, no-break space, soft hyphen, tab, NUL, RLO
  '\u200C',
  '\u200D',
  '\u00A0',
  '\u00AD',
  '\t',
  '\u0000',
  '\u202E',
  "'-.,",
];
const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CHARACTERS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
// What the register accepts: the schema's rules, and no U+0000 or lone surrogate (the API
// refuses those, http/text-input.ts; the database could not hold them).
const familyName = fc
  .string({ unit, minLength: 1, maxLength: 12 })
  .filter((s) => PersonInput.shape.familyName.safeParse(s).success)
  .filter((s) => unstorableCharacter(s) === null);
const givenNames = fc
  .string({ unit, maxLength: 12 })
  .filter((s) => PersonInput.shape.givenNames.safeParse(s).success)
  .filter((s) => unstorableCharacter(s) === null);

/**
 * Compares text as a reader copies it: compatibility forms folded, invisible characters out.
 * In right-to-left text, pdf.js copies a mark on the last letter of a run to the front of the
 * run (the print is right; see docs/security-fixes/letter.md), so marks are compared there
 * only by the letters they sit on.
 */
const seen = (text: string, rtl: boolean) =>
  text
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(rtl ? /\p{M}/gu : /(?!)/u, '')
    .replace(/\s+/g, ' ')
    .trim();
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

describe('every name the register accepts', () => {
  it('either prints in full in the salutation, or is refused naming the field; it never throws', async () => {
    await fc.assert(
      fc.asyncProperty(givenNames, familyName, async (given, family) => {
        const input = buildLetterInput({ person: { givenNames: given, familyName: family } });
        let bytes: Uint8Array;
        try {
          bytes = await notificationLetterPdf(input);
        } catch (error) {
          expect(error).toBeInstanceOf(LetterUnprintableError);
          const fields = (error as LetterUnprintableError).fields;
          expect(fields.length).toBeGreaterThan(0);
          for (const { field, characters } of fields) {
            expect(['person.givenNames', 'person.familyName']).toContain(field);
            expect(characters.length).toBeGreaterThan(0);
          }
          return;
        }
        const { text } = await pdfText(bytes);
        const name = clean(`${given} ${family}`);
        const rtl = RTL.test(name);
        expect(seen(text, rtl)).toContain(seen(`Guten Tag ${name},`, rtl));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('the refusal', () => {
  it('names the field and each character with its code point, in German and English', () => {
    const [error] = unprintableFieldErrors(
      [{ field: 'person.familyName', characters: ['김', '😀'] }],
      'listing.letter_unprintable',
    );
    expect(error).toEqual({
      field: 'person.familyName',
      code: 'listing.letter_unprintable',
      message: {
        de: 'Familienname: Diese Zeichen kann der Brief nicht drucken: „김“ (U+AE40), „😀“ (U+1F600).',
        en: 'Family name: the letter cannot print these characters: “김” (U+AE40), “😀” (U+1F600).',
      },
    });
  });
});
