import { transliterate } from './normalise.js';

/**
 * Kölner Phonetik (Postel 1969) in the strict convention of de.wikipedia: code every letter,
 * merge adjacent equal codes, then drop every 0 except at the start. H has no code and does
 * not separate equal codes. Letters outside German are reduced to their base letter first
 * (ł → l, ı → i, ç → c); ä ö ü are vowels and ß is an S (code 8).
 */

const VOWELS = new Set(['a', 'e', 'i', 'j', 'o', 'u', 'y']);
/** C is hard (4) before these letters at the start of a word… */
const HARD_C_INITIAL = new Set(['a', 'h', 'k', 'l', 'o', 'q', 'r', 'u', 'x']);
/** …and before these letters inside a word (unless after S or Z). */
const HARD_C_INSIDE = new Set(['a', 'h', 'k', 'o', 'q', 'u', 'x']);

function letterCode(letters: string, i: number): string {
  const c = letters[i] as string;
  const prev = i > 0 ? letters[i - 1] : undefined;
  const next = letters[i + 1];
  if (VOWELS.has(c)) return '0';
  switch (c) {
    case 'h':
      return '';
    case 'b':
      return '1';
    case 'p':
      return next === 'h' ? '3' : '1';
    case 'd':
    case 't':
      return next === 'c' || next === 's' || next === 'z' ? '8' : '2';
    case 'f':
    case 'v':
    case 'w':
      return '3';
    case 'g':
    case 'k':
    case 'q':
      return '4';
    case 'c':
      if (i === 0) return next !== undefined && HARD_C_INITIAL.has(next) ? '4' : '8';
      if (prev === 's' || prev === 'z') return '8';
      return next !== undefined && HARD_C_INSIDE.has(next) ? '4' : '8';
    case 'x':
      return prev === 'c' || prev === 'k' || prev === 'q' ? '8' : '48';
    case 'l':
      return '5';
    case 'm':
    case 'n':
      return '6';
    case 'r':
      return '7';
    case 's':
    case 'z':
      return '8';
    default:
      return '';
  }
}

/** The code of one word of letters a-z (anything else is ignored). */
function encodeLetters(letters: string): string {
  let raw = '';
  for (let i = 0; i < letters.length; i++) raw += letterCode(letters, i);
  let merged = '';
  for (const digit of raw) if (merged[merged.length - 1] !== digit) merged += digit;
  return merged.slice(0, 1) + merged.slice(1).replace(/0/g, '');
}

/**
 * The Kölner Phonetik code of one word: "Müller" → "657", "Meyer" → "67", "Yılmaz" → "0568".
 * Characters other than letters are ignored; a word without coded letters ("H") gives "".
 */
export function koelnerPhonetikWord(word: string): string {
  // Umlauts and ß become ae/oe/ue/ss: vowel pairs and SS merge to the same code as ä/ö/ü/ß.
  return encodeLetters(transliterate(word).replace(/[^a-z]/g, ''));
}

/**
 * The codes of every word of a name, in order: "Müller-Lüdenscheidt" → ["657", "52682"].
 * Words without a code are left out.
 */
export function koelnerPhonetikWords(name: string): string[] {
  return transliterate(name)
    .split(' ')
    .map((word) => encodeLetters(word.replace(/[^a-z]/g, '')))
    .filter((code) => code !== '');
}

/** One code per word, joined by one space: "Müller-Lüdenscheidt" → "657 52682". */
export function koelnerPhonetik(name: string): string {
  return koelnerPhonetikWords(name).join(' ');
}
