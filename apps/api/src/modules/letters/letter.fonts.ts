import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woff.js';

/**
 * The fonts a letter can print with, all SIL OFL 1.1 and from npm packages so every clone and
 * CI has them. Which face prints a character is decided by coverage (`hasGlyphForCodePoint`),
 * in the order below: the letter's own face first, then the script faces.
 *
 * - Noto Sans Regular/Bold (@kern-ux/native, the web app's design system): Latin with all
 *   Latin Extended blocks and Vietnamese, combining diacritics, Greek, Cyrillic.
 * - Noto Naskh Arabic (@embedpdf/fonts-arabic): Arabic, Persian, Urdu letters. Not Noto Sans
 *   Arabic: that one draws letters as a dotless skeleton plus separate dot glyphs, which have
 *   no Unicode value, so pdf.js copied a name as letters mixed with control characters.
 * - Noto Sans Hebrew, Armenian, Georgian, Ethiopic (@fontsource, one 400 face each).
 * - Noto Sans SC (@fontsource, 102 slices of the 400 face): Chinese (simplified and the common
 *   traditional characters), Japanese kanji and kana. Loaded only when a text needs it.
 *
 * Not shipped (a text with these characters is refused, see `letter.printable.ts`): Hangul,
 * Indic and South-East Asian scripts, emoji, historic scripts, private-use characters.
 */
const FACES = {
  regular: '@kern-ux/native/dist/fonts/noto-sans/NotoSans-Regular.woff',
  bold: '@kern-ux/native/dist/fonts/noto-sans/NotoSans-Bold.woff',
  // The package exports no file paths; its fonts lie beside its dist folder.
  arabic: '@embedpdf/fonts-arabic#../fonts/NotoNaskhArabic-Regular.ttf',
  hebrew: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
  armenian: '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff',
  georgian: '@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-400-normal.woff',
  ethiopic: '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff',
} as const;
/** The package folder whose numbered 400 slices make up the CJK face. */
const CJK_FILES = '@fontsource/noto-sans-sc/files';
const CJK_SLICE = /^noto-sans-sc-\d+-400-normal\.woff$/;

/** Faces whose script is written right to left. */
export const RTL_FACES: ReadonlySet<string> = new Set(['arabic', 'hebrew']);

export type LetterFace = keyof typeof FACES;

/** The fonts by name (`regular`, `bold`, `arabic`, …, `cjk-116`), in fallback order. */
export interface LetterFonts {
  /** Every loaded face, fallback order: the Latin faces, the script faces, then CJK slices. */
  faces: Map<string, fontkit.Font>;
}

const require = createRequire(import.meta.url);

/** `package/file` or `package#relative/to/its/main` → absolute path. */
function resolveFace(spec: string): string {
  const [pkg, relative] = spec.split('#');
  return relative ? join(dirname(require.resolve(pkg!)), relative) : require.resolve(spec);
}

async function loadFace(path: string): Promise<fontkit.Font> {
  const bytes = await readFile(path);
  const font = fontkit.create(path.endsWith('.woff') ? woffToSfnt(bytes) : bytes);
  if (!('layout' in font)) throw new Error(`${path} is a font collection`);
  patchNullAnchors(font);
  glyphsWithTheirCharacters(font);
  return font;
}

/**
 * fontkit caches one glyph object per glyph id, with the characters of its first use: after
 * "i\u0307" was laid out (the font draws it as dotless ı plus a dot), every later "ı" of the
 * process named "i" or nothing, and pdf.js copied "Yılmaz" as "Yilmaz". Here each
 * layout gets a view of the cached glyph that carries the characters of this position.
 */
function glyphsWithTheirCharacters(font: fontkit.Font) {
  const cached = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = cached(id, codePoints);
    if (!glyph || !codePoints?.length) return glyph;
    const same =
      glyph.codePoints.length === codePoints.length &&
      glyph.codePoints.every((c, i) => c === codePoints[i]);
    return same
      ? glyph
      : (Object.create(glyph, { codePoints: { value: codePoints } }) as fontkit.Glyph);
  };
}

/**
 * fontkit 2.0.4 dereferences NULL anchor offsets in GPOS mark attachment (lookup types 4–6)
 * and throws `Cannot read properties of null (reading 'xCoordinate')` (foliojs/fontkit#367).
 * The OpenType spec allows NULL anchors ("this base has no anchor for this mark class"), and
 * Noto Sans has them, e.g. for U+0336 COMBINING LONG STROKE OVERLAY over "S". HarfBuzz skips
 * such an attachment, and so does the upstream fix (foliojs/fontkit#374, not released): the
 * mark stays at its default place. Until fontkit ships it, the same guard is put on the GPOS
 * processor of each of our fonts here.
 */
function patchNullAnchors(font: fontkit.Font) {
  type Anchor = { xCoordinate: number } | null | undefined;
  type Processor = {
    applyAnchor(markRecord: { markAnchor: Anchor }, baseAnchor: Anchor, index: number): void;
    __nullAnchorsSafe?: true;
  };
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: Processor } } })
    ._layoutEngine?.engine;
  const processor = engine?.GPOSProcessor;
  if (!processor) return;
  const proto = Object.getPrototypeOf(processor) as Processor;
  if (proto.__nullAnchorsSafe) return;
  const original = proto.applyAnchor;
  proto.applyAnchor = function (markRecord, baseAnchor, index) {
    if (!baseAnchor || !markRecord?.markAnchor) return;
    original.call(this, markRecord, baseAnchor, index);
  };
  proto.__nullAnchorsSafe = true;
}

let base: Promise<Map<string, fontkit.Font>> | undefined;
let cjk: Promise<Map<string, fontkit.Font>> | undefined;

/** The Latin and script faces, parsed once per process (parsing costs more than a letter). */
function loadBase(): Promise<Map<string, fontkit.Font>> {
  base ??= Promise.all(
    (Object.keys(FACES) as LetterFace[]).map(
      async (name) => [name, await loadFace(resolveFace(FACES[name]))] as const,
    ),
  ).then((entries) => new Map(entries));
  return base;
}

/** The CJK slices (about 0.8 s to parse all 102), parsed once and only when needed. */
function loadCjk(): Promise<Map<string, fontkit.Font>> {
  cjk ??= (async () => {
    const dir = dirname(require.resolve(`${CJK_FILES}/noto-sans-sc-4-400-normal.woff`));
    const files = (await readdir(dir)).filter((f) => CJK_SLICE.test(f)).sort();
    const entries = await Promise.all(
      files.map(async (f) => [`cjk-${f.split('-')[3]}`, await loadFace(join(dir, f))] as const),
    );
    return new Map(entries);
  })();
  return cjk;
}

/** True when some base face has a glyph for every code point of `text`. */
function baseCovers(faces: Map<string, fontkit.Font>, text: string): boolean {
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (/\s|\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
    if (![...faces.values()].some((f) => f.hasGlyphForCodePoint(cp))) return false;
  }
  return true;
}

/**
 * The fonts needed for `texts`: the base faces, plus the CJK face when some character is not
 * in the base faces (so a letter without CJK never pays for loading it).
 */
export async function fontsFor(texts: readonly string[]): Promise<LetterFonts> {
  const faces = await loadBase();
  if (texts.every((t) => baseCovers(faces, t))) return { faces };
  return { faces: new Map([...faces, ...(await loadCjk())]) };
}

/**
 * The font as handed to pdfkit. For a right-to-left face, a ligature glyph (lam-alef) names
 * its letters in visual order: the run is stored in visual order and readers (pdf.js) turn
 * the whole run around when copying it, which would otherwise copy "لا" as "ال".
 */
export function pdfFace(font: fontkit.Font, rtl: boolean): fontkit.Font {
  if (!rtl) return font;
  const face = Object.create(font) as fontkit.Font;
  face.layout = (...args: Parameters<fontkit.Font['layout']>) => {
    const run = font.layout(...args);
    run.glyphs = run.glyphs.map((glyph) =>
      glyph.codePoints.length > 1
        ? (Object.create(glyph, {
            codePoints: { value: [...glyph.codePoints].reverse() },
          }) as fontkit.Glyph)
        : glyph,
    );
    return run;
  };
  return face;
}
