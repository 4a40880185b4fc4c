import { describe, expect, it } from 'vitest';
import { buildLetterInput } from './letter.fixtures.js';
import { LetterUnprintableError, notificationLetterPdf } from './notification-letter.js';
import { pdfText } from '../../test-support/pdf-text.js';

/** The letter's text for a person, as a reader copies it. */
async function letterFor(givenNames: string, familyName: string, street = 'Kastanienallee') {
  const input = buildLetterInput({
    person: {
      givenNames,
      familyName,
      address: { street, houseNumber: '12a', postalCode: '12345', city: 'Musterstadt' },
    },
  });
  return (await pdfText(await notificationLetterPdf(input))).text;
}

/** The refusal a letter for this person gets (fails the test when the letter is produced). */
async function refusalFor(givenNames: string, familyName: string, street = 'Kastanienallee') {
  const error = await letterFor(givenNames, familyName, street).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LetterUnprintableError);
  return (error as LetterUnprintableError).fields;
}

describe('names in every shipped script print in the salutation and the address block', () => {
  it.each([
    ['a combining long stroke overlay (U+0336)', 'Ahmad', 'S\u0336mith'],
    ['several combining overlays', 'J\u0334o\u0335e', 'M\u0337u\u0338ller'],
    ['Chinese', '', '王小明'],
    ['Japanese kana', 'はると', '佐藤'],
    ['Arabic', 'محمد', 'علي'],
    ['Arabic with Persian letters', 'پژمان', 'گیلانی'],
    ['Latin and Arabic mixed', 'Ahmad', 'الحسن بن علي'],
    ['Hebrew', 'דוד', 'כהן'],
    ['Armenian', 'Արամ', 'Պետրոսյան'],
    ['Georgian', 'გიორგი', 'ბერიძე'],
    ['Ethiopic (Tigrinya, Amharic)', 'ሰላም', 'ተስፋዬ'],
    ['Greek', 'Νίκος', 'Παπαδόπουλος'],
    ['Vietnamese', 'Nguyễn Thị', 'Ánh'],
  ])('%s', async (_, givenNames, familyName) => {
    const name = `${givenNames} ${familyName}`.trim();
    const text = await letterFor(givenNames, familyName);
    expect(text).toContain(`Guten Tag ${name},`);
    // The address block: name, street, town, in this order.
    expect(text).toContain(`${name} Kastanienallee 12a 12345 Musterstadt`);
  });

  it('prints a decomposed name (NFD) in its composed form', async () => {
    const text = await letterFor('Jose\u0301', 'Mu\u0308ller');
    expect(text).toContain('Guten Tag José Müller,');
  });

  it('copies a dotless ı as ı even after a letter that drew "i\u0307" with the same glyph', async () => {
    expect(await letterFor('', 'Ki\u0307lic')).toContain('Guten Tag Ki\u0307lic,');
    expect(await letterFor('Ayşe', 'Yılmaz')).toContain('Guten Tag Ayşe Yılmaz,');
  });

  it('prints an address in another script', async () => {
    const text = await letterFor('Olga', 'Petrova', 'улица Ленина');
    expect(text).toContain('Olga Petrova улица Ленина 12a 12345 Musterstadt');
  });
});

describe('a letter that cannot print a name is refused before it is produced', () => {
  it('refuses an emoji, naming the field and the character', async () => {
    expect(await refusalFor('Max 😀', 'Muster')).toEqual([
      { field: 'person.givenNames', characters: ['😀'] },
    ]);
  });

  it('refuses scripts without a shipped font: Linear B, Hangul, Devanagari', async () => {
    expect(await refusalFor('𐀀𐀁', 'Muster')).toEqual([
      { field: 'person.givenNames', characters: ['𐀀', '𐀁'] },
    ]);
    expect(await refusalFor('Ji-ho', '김')).toEqual([
      { field: 'person.familyName', characters: ['김'] },
    ]);
    expect((await refusalFor('अमित', 'Sharma'))[0]?.field).toBe('person.givenNames');
  });

  it('refuses a character of the address, naming that field', async () => {
    expect(await refusalFor('Max', 'Muster', 'Straße 🏠')).toEqual([
      { field: 'person.address.street', characters: ['🏠'] },
    ]);
  });

  it('refuses a city name the letterhead cannot print in its Latin face', async () => {
    const input = buildLetterInput({
      settings: { ...buildLetterInput().settings, cityName: 'Musterstadt 北' },
    });
    const error = await notificationLetterPdf(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LetterUnprintableError);
    expect((error as LetterUnprintableError).fields).toEqual([
      { field: 'settings.cityName', characters: ['北'] },
    ]);
  });

  it('refuses a private-use character and a lone surrogate instead of printing a box', async () => {
    expect(await refusalFor('Max\uE000', 'Muster')).toEqual([
      { field: 'person.givenNames', characters: ['\uE000'] },
    ]);
    expect(await refusalFor('Max', 'Mu\uD800ster')).toEqual([
      { field: 'person.familyName', characters: ['\uD800'] },
    ]);
  });
});
