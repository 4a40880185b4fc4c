/**
 * Trigram similarity with the semantics of PostgreSQL's pg_trgm `similarity()`, so the JS
 * ranking and a SQL pre-selection agree: the text is lower-cased and split into words of
 * letters and digits; each word is padded with two spaces before and one after; the
 * similarity is |A ∩ B| / |A ∪ B| over the two sets of 3-grams (0 when either set is empty).
 */

/** The set of pg_trgm trigrams of a text: "Meyer" → {"  m", " me", "mey", "eye", "yer", "er "}. */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(''));
  }
  return set;
}

/** pg_trgm `similarity(a, b)`. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
