import { beforeAll, describe, expect, it } from 'vitest';
import { fontsFor, type LetterFonts } from './letter.fonts.js';
import { codePoints, LATIN_ONLY, planRuns } from './letter.runs.js';

let fonts: LetterFonts;
beforeAll(async () => {
  fonts = await fontsFor(['王']);
});

const faces = (text: string, preferred = 'regular') =>
  planRuns(fonts, text, preferred).runs?.map((r) => [r.face, r.text, r.rtl]);

describe('planRuns', () => {
  it('keeps Latin, Greek and Cyrillic in the letter face, with marks on their letters', () => {
    expect(faces('Łukasz Ольга Νίκος S\u0336mith')).toEqual([
      ['regular', 'Łukasz Ольга Νίκος S\u0336mith', false],
    ]);
    expect(faces('Ørjan', 'bold')).toEqual([['bold', 'Ørjan', false]]);
  });

  it('composes a decomposed name first (NFC)', () => {
    expect(faces('Mu\u0308ller')).toEqual([['regular', 'Müller', false]]);
  });

  it('gives each script its face and keeps an Arabic run whole, its outer spaces outside', () => {
    expect(faces('Guten Tag Ahmad الحسن بن علي, דוד')).toEqual([
      ['regular', 'Guten Tag Ahmad ', false],
      ['arabic', 'الحسن بن علي', true],
      ['regular', ', ', false],
      ['hebrew', 'דוד', true],
    ]);
    expect(faces('王小明 Արամ გიორგი ሰላም')?.map(([face]) => face)).toEqual([
      'cjk-116',
      'cjk-118',
      'armenian',
      'georgian',
      'ethiopic',
    ]);
  });

  it('prints any space as a plain space and leaves out invisible characters no face has', () => {
    expect(faces('Anna\u00a0Maria\ufe0f')).toEqual([['regular', 'Anna Maria', false]]);
  });

  it('names the characters no face has, each once', () => {
    expect(planRuns(fonts, 'Max 😀 😀 김', 'regular')).toEqual({
      runs: null,
      missing: ['😀', '김'],
    });
  });

  it('takes the short way only for text the Latin faces have every glyph of', () => {
    for (const name of ['regular', 'bold']) {
      const font = fonts.faces.get(name)!;
      for (let cp = 0x20; cp <= 0x24f; cp++) {
        if (LATIN_ONLY.test(String.fromCodePoint(cp)))
          expect(font.hasGlyphForCodePoint(cp)).toBe(true);
      }
    }
    expect(LATIN_ONLY.test('Müller-Łukasiewicz, Ærø')).toBe(true);
    expect(LATIN_ONLY.test('a\u0301')).toBe(false);
    expect(LATIN_ONLY.test('Soft\u00adhyphen')).toBe(false);
  });

  it('writes code points the Unicode way', () => {
    expect(codePoints('S\u0336')).toBe('U+0053 U+0336');
    expect(codePoints('😀')).toBe('U+1F600');
  });
});
