import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPartialDate, partialDate, type PartialDate } from './date-of-birth.js';
import { koelnerPhonetikWord } from './koelner-phonetik.js';
import { prepareName } from './name-match.js';
import { FAMILY_NAME_COUNTS, GIVEN_NAME_COUNTS } from './name-prior.data.js';
import { rankCandidates, type CandidatePerson, type PersonQuery } from './rank.js';
import { frequenciesFrom, priorShare, type NameFrequencies } from './term-frequency.js';

/**
 * The engine as the register grows: synthetic persons with German names drawn by their
 * frequency (the name lists) and dates of birth from 1940 to 2005, ranked with the register's
 * own counts. The SQL pre-selection is stood in for by an index on the folded family word, its
 * phonetic code, and given name + date (what `searchCandidates` reaches for these queries).
 */

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weightedList(text: string) {
  const names: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const line of text.split('\n')) {
    const [name, count] = line.split(',');
    if (!name || !count) continue;
    total += Number(count);
    names.push(name);
    cumulative.push(total);
  }
  return (r: number) => {
    const x = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return names[lo]!;
  };
}

const family = weightedList(FAMILY_NAME_COUNTS);
const given = weightedList(GIVEN_NAME_COUNTS);

function syntheticPerson(next: () => number, id: string): CandidatePerson {
  const date = partialDate({
    year: 1940 + Math.floor(next() * 66),
    month: 1 + Math.floor(next() * 12),
    day: 1 + Math.floor(next() * 28),
  })!;
  return {
    id,
    familyNames: [family(next())],
    givenNames: [given(next())],
    dateOfBirth: date,
    addresses: [],
  };
}

const key = (p: {
  familyNames: readonly string[];
  givenNames: readonly string[];
  dateOfBirth: PartialDate;
}) =>
  `${prepareName(p.familyNames[0]!).folded.join(' ')}|${prepareName(p.givenNames[0] ?? '').folded.join(' ')}|${formatPartialDate(p.dateOfBirth)}`;

/** A register with its counts and a stand-in for the SQL pre-selection. */
function register(persons: readonly CandidatePerson[]) {
  const counts = new Map<string, number>();
  const byWord = new Map<string, CandidatePerson[]>();
  const byGivenDate = new Map<string, CandidatePerson[]>();
  const add = <T>(map: Map<string, T[]>, k: string, v: T) => map.set(k, [...(map.get(k) ?? []), v]);
  for (const p of persons) {
    const words = new Set(p.familyNames.flatMap((n) => prepareName(n).folded));
    for (const w of words) {
      counts.set(`family:${w}`, (counts.get(`family:${w}`) ?? 0) + 1);
      add(byWord, w, p);
      add(byWord, `#${koelnerPhonetikWord(w)}`, p);
    }
    const first = prepareName(p.givenNames[0] ?? '').folded[0];
    if (first) {
      counts.set(`given:${first}`, (counts.get(`given:${first}`) ?? 0) + 1);
      add(byGivenDate, `${first}|${formatPartialDate(p.dateOfBirth)}`, p);
    }
  }
  const frequencies = frequenciesFrom(persons.length, counts);
  const keys = new Set(persons.map(key));
  return {
    keys,
    frequencies,
    ask(query: PersonQuery & { familyName: string; givenNames: string; dateOfBirth: PartialDate }) {
      const found = new Set<CandidatePerson>();
      for (const w of prepareName(query.familyName).folded) {
        for (const p of byWord.get(w) ?? []) found.add(p);
        for (const p of byWord.get(`#${koelnerPhonetikWord(w)}`) ?? []) found.add(p);
      }
      const first = prepareName(query.givenNames).folded[0];
      for (const p of byGivenDate.get(`${first}|${formatPartialDate(query.dateOfBirth)}`) ?? [])
        found.add(p);
      return rankCandidates(query, [...found], undefined, 10, { frequencies, audience: 'field' });
    },
  };
}

function negativeHitRate(size: number) {
  const next = seeded(1966);
  const persons = Array.from({ length: size }, (_, i) => syntheticPerson(next, `p${i}`));
  const reg = register(persons);
  // The same absent persons for every size: drawn from their own seed.
  const absent = seeded(4711);
  let asked = 0;
  let hits = 0;
  const examples: string[] = [];
  while (asked < 400) {
    const p = syntheticPerson(absent, 'absent');
    if (reg.keys.has(key(p))) continue; // the same name and date is in the register: not absent
    asked += 1;
    const shown = reg.ask({
      familyName: p.familyNames[0]!,
      givenNames: p.givenNames[0]!,
      dateOfBirth: p.dateOfBirth,
    });
    if (shown.length > 0) {
      hits += 1;
      if (examples.length < 5)
        examples.push(`${key(p)} → ${key(shown[0]!.candidate)}: ${shown[0]!.explanation.en}`);
    }
  }
  return { rate: hits / asked, examples };
}

describe('a growing register', () => {
  it('people who are not in the register are rarely shown someone, at 1,000 and at 50,000 persons', () => {
    const small = negativeHitRate(1_000);
    const large = negativeHitRate(50_000);
    console.info('negative hit rate (field staff), 1,000 persons:', small.rate, small.examples);
    console.info('negative hit rate (field staff), 50,000 persons:', large.rate, large.examples);
    expect(small.rate).toBeLessThanOrEqual(0.05);
    expect(large.rate).toBeLessThanOrEqual(0.05);
  }, 120_000);

  it('adding unrelated persons never makes a true exact match disappear', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.constantFrom(0, 10_000, 1_000_000),
        (seed, added, padding) => {
          const next = seeded(seed);
          const target = syntheticPerson(next, 'target');
          const others = Array.from({ length: added }, (_, i) => syntheticPerson(next, `o${i}`))
            // Unrelated: not the same name and date of birth (that would be the same person).
            .filter((p) => key(p) !== key(target));
          const reg = register([target, ...others]);
          const query = {
            familyName: target.familyNames[0]!,
            givenNames: target.givenNames[0]!,
            dateOfBirth: target.dateOfBirth,
          };
          const shown = reg.ask(query);
          expect(shown[0]?.candidate.id).toBe('target');
          // The register may be far larger than the persons drawn here: padded with persons
          // whose names are as common as the lists say.
          const large = rankCandidates(query, [target, ...others.slice(0, 50)], undefined, 10, {
            frequencies: padded(reg.frequencies, padding),
          });
          expect(large[0]?.candidate.id).toBe('target');
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

/** A register of `persons` more, each name as common among them as the name lists say. */
function padded(f: NameFrequencies, persons: number): NameFrequencies {
  return {
    persons: f.persons + persons,
    count: (kind, word) => f.count(kind, word) + Math.round(priorShare(kind, word) * persons),
  };
}
