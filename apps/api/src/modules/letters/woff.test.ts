import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff.js';

const woff = readFileSync(
  createRequire(import.meta.url).resolve(
    '@kern-ux/native/dist/fonts/noto-sans/NotoSans-Regular.woff',
  ),
);

describe('woffToSfnt', () => {
  it('unpacks a WOFF font into the same TrueType font', () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    const fromWoff = fontkit.create(woff) as fontkit.Font;
    const fromSfnt = fontkit.create(sfnt) as fontkit.Font;
    expect(fromSfnt.familyName).toBe('Noto Sans');
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    const glyph = (f: fontkit.Font) => f.glyphForCodePoint('ł'.codePointAt(0)!).path.toSVG();
    expect(glyph(fromSfnt)).toBe(glyph(fromWoff));
  });

  it('refuses anything that is not WOFF 1.0', () => {
    expect(() => woffToSfnt(new Uint8Array([0, 1, 0, 0, 0, 0]))).toThrow('not a WOFF 1.0 font');
  });
});
