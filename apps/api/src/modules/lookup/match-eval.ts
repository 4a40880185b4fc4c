import { parse } from 'csv-parse/sync';
import { createManualClock } from '../../clock.js';
import { openDatabase } from '../../db/database.js';
import { createAuditService } from '../audit/audit.service.js';
import { formatPartialDate, parsePartialDate, partialDate } from '../matching/date-of-birth.js';
import { createFixtureRegistrar, loadFixturePersons } from './lookup.fixtures.js';
import { createLookupService, type LookupQuery, type LookupSettings } from './lookup.service.js';

/**
 * `zemag match-eval`: the matching measured on record-linkage data with ground truth. One
 * record per entity is indexed as a listed person; every fifth entity that has a single record
 * is left out and queried as a negative; every other record is queried by name and date of
 * birth (FEBRL also by address).
 */

/** One record of a linkage file. */
export interface EvalRecord {
  recId: string;
  entity: string;
  /** The record that represents the entity in the index. */
  original: boolean;
  query: LookupQuery;
}

function clean(value: string | undefined) {
  const text = (value ?? '').trim();
  return text === '' ? undefined : text;
}

function isoDate(text: string | undefined) {
  const date = text ? parsePartialDate(text) : undefined;
  return date && date.precision !== 'unknown' ? formatPartialDate(date) : undefined;
}

/** FEBRL (`rec-12-org`, `rec-12-dup-0`, fields separated by ", "). */
export function parseFebrl(text: string): EvalRecord[] {
  const rows = parse(text, {
    columns: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  return rows.map((row) => {
    const recId = row.rec_id!;
    const street = clean(row.address_1);
    return {
      recId,
      entity: recId.replace(/-(org|dup-\d+)$/, ''),
      original: recId.endsWith('-org'),
      query: {
        familyName: clean(row.surname),
        givenNames: clean(row.given_name),
        dateOfBirth: isoDate(clean(row.date_of_birth)),
        address: street
          ? {
              street,
              houseNumber: clean(row.street_number),
              postalCode: clean(row.postcode),
              city: clean(row.suburb),
            }
          : undefined,
      },
    };
  });
}

/** RLdata500/RLdata10000 (`rec_id, fname_c1, fname_c2, lname_c1, lname_c2, by, bm, bd, ent_id`). */
export function parseRldata(text: string): EvalRecord[] {
  const rows = parse(text, { columns: true, trim: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const lowest = new Map<string, number>();
  for (const row of rows) {
    const id = Number(row.rec_id);
    const entity = row.ent_id!;
    lowest.set(entity, Math.min(lowest.get(entity) ?? Infinity, id));
  }
  return rows.map((row) => {
    const [year, month, day] = [row.by, row.bm, row.bd].map((v) =>
      clean(v) ? Number(v) : undefined,
    );
    // An impossible date (the data has some) keeps what is possible of it.
    const date = partialDate({ year, month, day }) ??
      partialDate({ year, month }) ??
      partialDate({ year }) ?? { precision: 'unknown' as const };
    const join = (a?: string, b?: string) =>
      [clean(a), clean(b)].filter(Boolean).join(' ') || undefined;
    return {
      recId: row.rec_id!,
      entity: row.ent_id!,
      original: Number(row.rec_id) === lowest.get(row.ent_id!),
      query: {
        familyName: join(row.lname_c1, row.lname_c2),
        givenNames: join(row.fname_c1, row.fname_c2),
        dateOfBirth: date.precision === 'unknown' ? undefined : formatPartialDate(date),
      },
    };
  });
}

/** The figures are what field staff see; the `registrar_` ones what registrars see at the desk. */
export interface MatchEvalResult {
  queries: number;
  recall: number;
  false_candidates_per_query: number;
  negative_queries: number;
  negative_hit_rate: number;
  registrar_recall: number;
  registrar_false_candidates_per_query: number;
  registrar_negative_hit_rate: number;
  /** Persons in the throwaway register. */
  register_size: number;
}

/** Runs the evaluation on a throwaway in-memory database; `misses` lists what was not found. */
export async function runMatchEval({
  records,
  settings,
  onMiss,
}: {
  records: readonly EvalRecord[];
  settings?: Partial<LookupSettings>;
  onMiss?: (miss: {
    query: EvalRecord;
    /** What was shown instead: records with the explanation. */
    shown: { record: EvalRecord | undefined; explanation: string }[];
    /** The indexed record of the query's entity; undefined for a negative query. */
    expected: EvalRecord | undefined;
  }) => void;
}): Promise<MatchEvalResult> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await database.migrate();
    const { db } = database;
    const clock = createManualClock();
    const lookup = createLookupService({
      db,
      audit: createAuditService({ clock }),
      clock,
      settings: settings ?? {},
    });
    const byEntity = new Map<string, EvalRecord[]>();
    for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
    const negatives = new Set<string>();
    let single = 0;
    for (const [entity, group] of byEntity) {
      if (group.length === 1 && group[0]!.original) {
        single += 1;
        if (single % 5 === 0) negatives.add(entity);
      }
    }
    const indexed = records.filter((r) => r.original && !negatives.has(r.entity));
    const { userId } = await createFixtureRegistrar({ db });
    const ids = await loadFixturePersons({
      db,
      registrarId: userId,
      people: indexed.map((r) => ({
        familyName: r.query.familyName ?? '',
        givenNames: r.query.givenNames ?? null,
        dateOfBirth: r.query.dateOfBirth ?? null,
        addresses: r.query.address ? [r.query.address] : [],
        listing: { status: 'active' },
      })),
    });
    const entityOf = new Map(ids.map((id, i) => [id, indexed[i]!.entity]));
    const originalOf = new Map(indexed.map((r) => [r.entity, r]));
    const queries = records.filter((r) => !r.original || negatives.has(r.entity));
    const field = { found: 0, falseCandidates: 0, negativeHits: 0 };
    const registrar = { found: 0, falseCandidates: 0, negativeHits: 0 };
    let positives = 0;
    for (const query of queries) {
      const q = { ...query.query };
      // A record without family name and address cannot be asked (the form refuses it).
      // The registrars' answer holds the field staff's as its prefix (same order, higher bar).
      const all = await db.transaction((tx) =>
        lookup.search({
          db: tx,
          query: q,
          visibility: { statuses: ['active'], includeRestricted: false, validOn: null },
          audience: 'registrar',
        }),
      );
      const ranked = all.filter((r) => r.audience === 'field');
      const negative = negatives.has(query.entity);
      const report = () =>
        onMiss?.({
          query,
          shown: ranked.map((r) => ({
            record: originalOf.get(entityOf.get(r.candidate.id)!),
            explanation: r.explanation.en,
          })),
          expected: negative ? undefined : originalOf.get(query.entity),
        });
      for (const [view, answer] of [
        [field, ranked],
        [registrar, all],
      ] as const) {
        const shown = answer.map((r) => entityOf.get(r.candidate.id)!);
        view.falseCandidates += shown.filter((e) => e !== query.entity).length;
        if (negative) view.negativeHits += shown.length > 0 ? 1 : 0;
        else if (shown.includes(query.entity)) view.found += 1;
      }
      if (!negative) positives += 1;
      const missed = negative
        ? ranked.length > 0
        : !ranked.some((r) => entityOf.get(r.candidate.id) === query.entity);
      if (missed) report();
    }
    const round = (n: number) => Math.round(n * 10000) / 10000;
    const recall = (v: typeof field) => round(positives ? v.found / positives : 1);
    const perQuery = (v: typeof field) =>
      round(queries.length ? v.falseCandidates / queries.length : 0);
    const hitRate = (v: typeof field) =>
      round(negatives.size ? v.negativeHits / negatives.size : 0);
    return {
      queries: queries.length,
      recall: recall(field),
      false_candidates_per_query: perQuery(field),
      negative_queries: negatives.size,
      negative_hit_rate: hitRate(field),
      registrar_recall: recall(registrar),
      registrar_false_candidates_per_query: perQuery(registrar),
      registrar_negative_hit_rate: hitRate(registrar),
      register_size: indexed.length,
    };
  } finally {
    await database.close();
  }
}
