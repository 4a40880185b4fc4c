import type { CandidatePerson, PersonQuery } from '../matching/evidence.js';
import { estimateWeights, type LabelledPair } from '../matching/estimate-weights.js';
import { addressKeysOf, dateOf } from './lookup.keys.js';
import type { LookupQuery } from './lookup.service.js';
import type { EvalRecord } from './match-eval.js';

/**
 * `zemag match-weights`: m and u of every agreement level estimated from record-linkage files
 * with ground truth (see `matching/weights.ts` for how the pairs are drawn).
 */

/** A typed query as the engine compares it. */
export function personQueryOf(query: LookupQuery): PersonQuery {
  const date = dateOf(query.dateOfBirth);
  const address = query.address ? addressKeysOf(query.address) : undefined;
  return {
    familyName: query.familyName || undefined,
    givenNames: query.givenNames || undefined,
    dateOfBirth: date.precision === 'unknown' ? undefined : date,
    address:
      address && address.streetKey !== ''
        ? {
            streetKey: address.streetKey,
            houseNumber: address.houseNumber,
            postalCode: address.postalCode,
            cityKey: address.cityKey,
          }
        : undefined,
  };
}

/** A record as if it were stored in the register. */
export function candidateOf(id: string, record: LookupQuery): CandidatePerson {
  const query = personQueryOf(record);
  return {
    id,
    familyNames: query.familyName ? [query.familyName] : [],
    givenNames: query.givenNames ? [query.givenNames] : [],
    dateOfBirth: dateOf(record.dateOfBirth),
    addresses: query.address ? [{ ...query.address, current: true }] : [],
  };
}

/** A small seeded generator (mulberry32): the same file always gives the same pairs. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pairs of one file: every duplicate with its original; every record with 20 random others. */
export function labelledPairs(records: readonly EvalRecord[], othersPerRecord = 20) {
  const originals = records.filter((r) => r.original);
  const originalOf = new Map(originals.map((r) => [r.entity, r]));
  const matches: LabelledPair[] = [];
  const nonMatches: LabelledPair[] = [];
  const next = random(20261205);
  for (const record of records) {
    const query = personQueryOf(record.query);
    const original = originalOf.get(record.entity);
    if (!record.original && original) {
      matches.push({ query, candidate: candidateOf(original.recId, original.query) });
    }
    for (let i = 0; i < othersPerRecord; i++) {
      const other = originals[Math.floor(next() * originals.length)]!;
      if (other.entity === record.entity) continue;
      nonMatches.push({ query, candidate: candidateOf(other.recId, other.query) });
    }
  }
  return { matches, nonMatches };
}

/** m and u from several files, pooled. */
export function estimateFromFiles(files: readonly (readonly EvalRecord[])[]) {
  const pairs = files.map((records) => labelledPairs(records));
  return estimateWeights({
    matches: pairs.flatMap((p) => p.matches),
    nonMatches: pairs.flatMap((p) => p.nonMatches),
  });
}
