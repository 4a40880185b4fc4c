import { RTL_FACES, type LetterFonts } from './letter.fonts.js';

/** A piece of text printed with one face; `rtl` runs are laid out right to left as a whole. */
export interface TextRun {
  face: string;
  text: string;
  rtl: boolean;
}

/** How a text prints: its runs, or the characters (grapheme clusters) no shipped face has. */
export type RunPlan = { runs: TextRun[]; missing: [] } | { runs: null; missing: string[] };

const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const SPACE = /^\s+$/u;
const baseless = (cluster: string) => /^[\s\p{M}]/u.test(cluster) && /\p{M}/u.test(cluster);
/**
 * Text the Latin faces print as it is: Basic Latin, Latin-1 and Latin Extended-A/B without
 * control characters and the soft hyphen (Noto Sans has every one of them; a test checks).
 */
export const LATIN_ONLY = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u024f]*$/;
const LATIN_FACES: ReadonlySet<string> = new Set(['regular', 'bold']);
/** Faces whose shaping reads the joiners ZWJ and ZWNJ. */
const JOINING: ReadonlySet<string> = new Set(['arabic']);

/** The face that has a glyph for every visible code point of `cluster`, and what it prints. */
function faceFor(
  fonts: LetterFonts,
  cluster: string,
  order: readonly string[],
): { face: string; text: string } | null {
  const chars = [...cluster];
  for (const name of order) {
    const font = fonts.faces.get(name)!;
    const has = (c: string) => font.hasGlyphForCodePoint(c.codePointAt(0)!);
    if (!chars.every((c) => IGNORABLE.test(c) || has(c))) continue;
    // Invisible format characters (ZWJ, variation selectors, soft hyphen) are left out, except
    // the joiners in Arabic, where they change the letters' forms (Persian names use ZWNJ).
    const keep = (c: string) => !IGNORABLE.test(c) || (JOINING.has(name) && has(c));
    const text = chars.filter(keep).join('');
    return { face: name, text };
  }
  return null;
}

/**
 * Splits `text` (normalised to NFC first) into runs by glyph coverage: each grapheme cluster
 * (a letter with its combining marks) goes to the first face that has all of its code points,
 * `preferred` first. A combining mark without a letter (at the start, after a space) is not
 * printable. Spaces stay with the run before them; an Arabic or Hebrew run keeps the
 * spaces between its words (fontkit then orders the whole run right to left) but not those at
 * its ends. A cluster that no face covers makes the whole text unprintable.
 */
export function planRuns(fonts: LetterFonts, text: string, preferred: string): RunPlan {
  // Most of a letter is German text: one run in the Latin face, no need to look at clusters.
  if (LATIN_FACES.has(preferred) && LATIN_ONLY.test(text)) {
    return { runs: [{ face: preferred, text: text.replace(/\s/g, ' '), rtl: false }], missing: [] };
  }
  const order = [preferred, ...[...fonts.faces.keys()].filter((f) => f !== preferred)];
  const runs: TextRun[] = [];
  const missing = new Set<string>();
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const last = runs.at(-1);
    if (SPACE.test(segment)) {
      // Any space prints as a plain space, which every face has.
      if (last) last.text += ' ';
      else runs.push({ face: preferred, text: ' ', rtl: false });
      continue;
    }
    // A combining mark needs a letter to sit on; at the start or after a space it has none.
    const found = baseless(segment) ? null : faceFor(fonts, segment, order);
    if (!found) {
      missing.add(segment);
      continue;
    }
    if (found.text === '') continue;
    if (last?.face === found.face) last.text += found.text;
    else runs.push({ face: found.face, text: found.text, rtl: RTL_FACES.has(found.face) });
  }
  if (missing.size > 0) return { runs: null, missing: [...missing] };
  return { runs: runs.flatMap((run) => (run.rtl ? trimRtl(run, preferred) : [run])), missing: [] };
}

/** Moves the spaces at the ends of a right-to-left run out of it, into the letter's face. */
function trimRtl(run: TextRun, preferred: string): TextRun[] {
  const match = /^(\s*)(.*?)(\s*)$/su.exec(run.text)!;
  const [, lead = '', inner = '', trail = ''] = match;
  // A joiner only matters between two letters; at the edge of a word it would leave a gap.
  const core = inner
    .replace(/\p{Default_Ignorable_Code_Point}+(?=\s|$)/gu, '')
    .replace(/(^|\s)\p{Default_Ignorable_Code_Point}+/gu, '$1');
  return [
    ...(lead ? [{ face: preferred, text: lead, rtl: false }] : []),
    { ...run, text: core },
    ...(trail ? [{ face: preferred, text: trail, rtl: false }] : []),
  ];
}

/** `Ω` → `U+03A9`; a cluster of several code points → `U+0053 U+0336`. */
export function codePoints(cluster: string): string {
  return [...cluster]
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}
