/**
 * Name normalisation for the look-up: one place that decides how a typed name becomes
 * comparable text.
 *
 * Two forms come out of a name:
 * - `tokens`: the words of the name in the German transliteration of DIN 5007-2 (ä → ae,
 *   ö → oe, ü → ue, ß → ss), lower case, ASCII only. "Müller-Lüdenscheidt" →
 *   ["mueller", "luedenscheidt"]. Phonetic codes and display keys use these.
 * - `folded`: the same words with every umlaut spelling collapsed to its base vowel
 *   (ae → a, oe → o, ue → u unless a vowel or q stands before it), so "Müller", "Mueller"
 *   and "Muller" all fold to "muller" and compare as equal under trigram similarity. The
 *   collapse is applied to both sides of every comparison, so it can merge spellings but
 *   never separate a name from itself; "Michael" → "michal" is the accepted collateral.
 */

/**
 * Letters that Unicode decomposition does not reduce to an ASCII base letter (ı ł ø đ ß …)
 * or that German writes as two letters. Keys are lower case; upper case is lowered first.
 */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'oe',
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ŋ: 'n',
  ſ: 's',
  ə: 'e',
  // Cyrillic (Russian, Ukrainian) in the common passport-style Latin spelling.
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ʻ: '',
  ʼ: '',
  ʿ: '',
  ʾ: '',
};

/**
 * Cyrillic and Greek letters that look like a Latin letter, with that letter: the entries of
 * Unicode's confusables.txt (UTS #39, https://www.unicode.org/Public/security/latest/confusables.txt,
 * type MA) whose prototype is one basic Latin letter, for the Cyrillic and Greek letters of
 * the Unicode 15.1 file. A focused subset: letters with diacritics decompose first (NFD), and
 * digits and symbols do not occur in names. One deliberate difference: the file's prototype for
 * I-shaped capitals (І, Ӏ, Ι) is "l", because it also folds Latin I to l; here only the foreign
 * letter is replaced, so it becomes the capital I the writer meant.
 */
const CONFUSABLE_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Cyrillic small letters
  а: 'a',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ϲ: 'C',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Ϳ: 'J',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Greek small letters
  α: 'a',
  ϲ: 'c',
  γ: 'y',
  ι: 'i',
  ϳ: 'j',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
};

/** A run of letters (with their marks): one word as far as scripts are concerned. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;

/**
 * The look-alike skeleton of the words that are not written in one script: a word that mixes
 * Latin with Cyrillic or Greek letters ("Рaul" with a Cyrillic Р, "Μüller" with a Greek Μ) is
 * a Latin word with borrowed shapes, so those letters become the Latin letters they look like.
 * Greek letters become their look-alikes in any word (names are not transliterated from
 * Greek). A word all in Cyrillic is a Cyrillic name and keeps its transliteration (Сергей →
 * sergei).
 */
export function latinSkeleton(input: string): string {
  return input.replace(LETTER_RUN, (word) => {
    const mixed = LATIN.test(word) && (CYRILLIC.test(word) || GREEK.test(word));
    if (!mixed && !GREEK.test(word)) return word;
    let out = '';
    for (const char of word.normalize('NFD')) {
      out += (mixed || GREEK.test(char) ? CONFUSABLE_LATIN[char] : undefined) ?? char;
    }
    return out.normalize('NFC');
  });
}

/** Characters that join parts of one word and are dropped: O'Brien → obrien. */
const APOSTROPHES = /['’‘`´ʹʻʼʽʾʿ]/g;
/** Combining marks left over after canonical decomposition. */
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Compatibility forms (NFKC) and look-alike letters of other scripts (`latinSkeleton`) first,
 * then lower case, German transliteration and accent stripping, with apostrophes removed and
 * everything that is not a-z or a digit turned into a single space. "Yılmaz" → "yilmaz",
 * "Łukasz" → "lukasz", "José-María" → "jose maria", "Straße" → "strasse".
 */
export function transliterate(input: string): string {
  // NFKC first: fullwidth "Ｍüller" and ligatures ("ﬁ") become the letters they stand for.
  const compatible = latinSkeleton(input.normalize('NFKC'));
  // İ lowers to "i̇" (i + combining dot) in JavaScript; map it before lowering.
  const lowered = compatible.replace(/İ/g, 'i').toLowerCase();
  let out = '';
  for (const char of lowered) out += TRANSLITERATION[char] ?? char;
  return out
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a name in DIN 5007-2 transliteration: "Müller-Lüdenscheidt" → ["mueller", "luedenscheidt"]. */
export function nameTokens(input: string): string[] {
  const text = transliterate(input);
  return text === '' ? [] : text.split(' ');
}

/**
 * Collapses the umlaut spellings of one transliterated word to the base vowel: "mueller" →
 * "muller", "goethe" → "gothe"; "bauer" and "quelle" stay (a vowel or q before the e-pair
 * means it is not an umlaut).
 */
export function foldToken(token: string): string {
  return token.replace(/(^|[^aeiouq])([aou])e/g, '$1$2');
}

/** Folded words of a name, for trigram comparison: "Müller-Lüdenscheidt" → ["muller", "ludenscheidt"]. */
export function foldedTokens(input: string): string[] {
  return nameTokens(input).map(foldToken);
}

/** The folded name as one string of words separated by single spaces (the trigram input). */
export function foldName(input: string): string {
  return foldedTokens(input).join(' ');
}

/**
 * Name particles that are often left out or moved when a name is typed ("von der Leyen",
 * "al-Hassan", "van Beek"). Matching gives them no weight of their own when other words exist.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
  'der',
  'den',
  'dem',
  'van',
  'ver',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'do',
  'du',
  'le',
  'la',
  'al',
  'el',
  'ul',
  'bin',
  'ibn',
  'abu',
]);

/** The words of a name without particles, unless the name consists of particles only. */
export function significantTokens(tokens: readonly string[]): string[] {
  const kept = tokens.filter((t) => !NAME_PARTICLES.has(t));
  return kept.length > 0 ? kept : [...tokens];
}
