import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { permissionsFor, type Permission } from '@zemag/contracts';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app.js';
import { createManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { openDatabase, rowsOf, type Db } from '../db/database.js';
import {
  authorisedBenchDepartment,
  loadNameLists,
  makeRandom,
  type NameLists,
  phoneticVariant,
  syntheticPerson,
  typo,
  type Random,
} from './lookup.bench.data.js';
import { createFixtureRegistrar, loadFixturePersons } from '../modules/lookup/lookup.fixtures.js';
import { familyNameWords } from '../modules/lookup/lookup.keys.js';
import { exactWordAndYear, findCandidates } from '../modules/lookup/lookup.repository.js';
import type { LookupQuery, LookupService } from '../modules/lookup/lookup.service.js';
import type { FixturePerson } from '../modules/lookup/lookup.fixtures.js';
import { fieldRates, operatingCurve, share, type ScoredAnswer } from './lookup.bench.metrics.js';

const LOADED_TABLES = [
  'persons',
  'person_names',
  'person_addresses',
  'listings',
  'person_search_keys',
  'person_address_keys',
  'lookup_words',
];

/** Drops the indexes of the loaded tables except primary keys; returns their definitions. */
async function dropSecondaryIndexes(db: Db) {
  const rows = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN (${sql.join(
        LOADED_TABLES.map((t) => sql`${t}`),
        sql`, `,
      )})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`),
  );
  for (const row of rows) await db.execute(sql.raw(`DROP INDEX ${JSON.stringify(row.name)}`));
  return rows.map((r) => r.definition);
}

function percentile(sorted: readonly number[], p: number) {
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return Math.round(value * 100) / 100;
}

async function timed<T>(run: () => Promise<T>) {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

/** A query for a stored person as a field employee might type it: typos, other spellings, swapped dates. */
function queryFor(person: FixturePerson, random: Random, withDate: boolean): LookupQuery {
  let family = person.familyName;
  const roll = random();
  if (roll < 0.25) family = typo(family, random);
  else if (roll < 0.45) family = phoneticVariant(family);
  let date = withDate ? (person.dateOfBirth ?? undefined) : undefined;
  if (date && date.length === 10 && random() < 0.1) {
    const [y, m, d] = date.split('-');
    if (Number(d) <= 12) date = `${y}-${d}-${m}`;
  }
  return {
    familyName: family,
    givenNames: person.givenNames?.split(' ')[0],
    dateOfBirth: date,
  };
}

/**
 * The thresholds of the operating curve, on the posterior probability the ranking gives: from the
 * registrars' 0.05 through the field staff's 0.5 (the default) up to `sicher` territory.
 */
export const DEFAULT_CURVE_THRESHOLDS = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.72, 0.8, 0.9];

/** Where the loaded register says which name lists it was drawn from (checked by `--reuse`). */
const SOURCE_NOTE = 'zemag bench lookup: ';

/** The name lists a loaded bench database was drawn from, or null when it does not say. */
async function loadedNamesSource(db: Db) {
  const rows = rowsOf<{ note: string | null }>(
    await db.execute(sql`SELECT obj_description('persons'::regclass, 'pg_class') AS note`),
  );
  const note = rows[0]?.note ?? null;
  return note?.startsWith(SOURCE_NOTE) ? note.slice(SOURCE_NOTE.length) : null;
}

/** `gecko lists at /a/b` and `gecko lists at /c/b` are the same lists seen from two folders. */
function sameLists(a: string, b: string) {
  return a.startsWith('gecko') === b.startsWith('gecko');
}

/** The candidates of a search with their scores (for the operating curve). */
function scored(result: readonly { score: number; candidate: { id: string } }[]): ScoredAnswer {
  return { candidates: result.map((r) => ({ id: r.candidate.id, score: r.score })) };
}

class Rollback extends Error {}

/**
 * The ids of the persons a field employee's look-up answer shows: the look-up runs as the
 * service runs it for them (visibility, thresholds, shaping) and the ids are read from its
 * audit event (the field answer carries none), then everything is rolled back.
 */
function fieldAnswers({
  db,
  lookup,
  actor,
}: {
  db: Db;
  lookup: LookupService;
  actor: { id: string; abilities: Permission[] };
}) {
  return async (query: LookupQuery) => {
    let shown: string[] = [];
    try {
      await db.transaction(async (tx) => {
        const answer = await lookup.lookup({
          actor,
          request: { ...query, purpose: { fileNumber: 'BENCH-2026-1', reason: 'home_visit' } },
          tx,
        });
        const [event] = rowsOf<{ ids: string[] }>(
          await tx.execute(
            sql`SELECT details->'personIds' AS ids FROM audit_events WHERE seq = ${answer.auditSeq}`,
          ),
        );
        shown = event?.ids ?? [];
        if (answer.view !== 'field' || shown.length !== answer.candidates.length) {
          throw new Error('bench: the field answer and its audit event disagree');
        }
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return shown;
  };
}

/**
 * `zemag bench lookup`: loads `persons` synthetic listed persons, then times the look-up service
 * (name + date of birth, name only), an exact indexed equality query as a baseline, and HTTP
 * look-ups end to end with 8 concurrent clients (audit write included). It also asks for
 * persons who are not in the register (drawn from the same names) and measures what a field
 * employee's answer shows: found, wrong persons, answers for absent persons, and the curve of
 * those over score thresholds.
 */
export async function benchLookup({
  persons,
  databaseUrl,
  namesDir,
  lists: givenLists,
  thresholds = DEFAULT_CURVE_THRESHOLDS,
  queries = 400,
  httpSeconds = 10,
  reuse = false,
  log = () => {},
}: {
  persons: number;
  /** Use the persons an earlier run left in `databaseUrl` instead of loading. */
  reuse?: boolean;
  databaseUrl?: string;
  namesDir?: string;
  /** The name lists to draw from (default: `loadNameLists(namesDir)`). */
  lists?: NameLists;
  /** Score thresholds of the operating curve. */
  thresholds?: readonly number[];
  queries?: number;
  httpSeconds?: number;
  log?: (line: string) => void;
}) {
  const database = await openDatabase(
    databaseUrl
      ? { kind: 'postgres', url: databaseUrl, poolSize: 10 }
      : { kind: 'pglite', dataDir: null },
  );
  try {
    await database.migrate();
    const { db } = database;
    const random = makeRandom(20260115);
    const lists = givenLists ?? loadNameLists(namesDir);
    log(`names: ${lists.source}`);
    const { userId } = await createFixtureRegistrar({ db });
    const people: FixturePerson[] = [];
    const already = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM persons`),
    )[0]!.n;
    if (reuse && already < persons) {
      throw new Error(`--reuse: the database holds ${already} persons, fewer than ${persons}`);
    }
    if (!reuse && already > 0) {
      throw new Error(
        `the database is not empty (${already} persons); use an empty one or --reuse`,
      );
    }
    const load = await timed(async () => {
      if (reuse) {
        const loadedWith = await loadedNamesSource(db);
        if (loadedWith && !sameLists(loadedWith, lists.source)) {
          throw new Error(
            `--reuse: the database was loaded from the ${loadedWith}, not the ${lists.source}: the absent persons would come from other names`,
          );
        }
        if (!loadedWith) log(`the database does not say which names it was loaded from`);
        // The persons loaded by an earlier run: a repeatable sample of them to ask for.
        const rows = rowsOf<{
          family_name: string;
          given_names: string | null;
          dob: string | null;
          id: string;
        }>(
          await db.execute(sql`SELECT id, family_name, given_names, date_of_birth AS dob
            FROM persons TABLESAMPLE SYSTEM (2) REPEATABLE (20260115) LIMIT 20000`),
        );
        for (const r of rows) {
          people.push({
            id: r.id,
            familyName: r.family_name,
            givenNames: r.given_names,
            dateOfBirth: r.dob,
          });
        }
        log(`reusing ${already} persons, ${people.length} sampled`);
        return;
      }
      // Secondary indexes are built once after the load, not maintained row by row.
      const indexes = await dropSecondaryIndexes(db);
      const batch = 50_000;
      for (let start = 0; start < persons; start += batch) {
        const part = Array.from({ length: Math.min(batch, persons - start) }, () =>
          syntheticPerson(lists, random),
        );
        await loadFixturePersons({ db, people: part, registrarId: userId, chunk: 10_000 });
        // Keep a sample to ask for later (every 50th person).
        for (let i = 0; i < part.length; i += 50) people.push(part[i]!);
        log(`loaded ${Math.min(start + batch, persons)} persons`);
      }
      for (const definition of indexes) await db.execute(sql.raw(definition));
      log(`indexes built`);
      const note = `${SOURCE_NOTE}${lists.source}`.replaceAll("'", "''");
      await db.execute(sql.raw(`COMMENT ON TABLE persons IS '${note}'`));
      // VACUUM sets the visibility map (index-only scans), as autovacuum would in production.
      await db.execute(sql`VACUUM ANALYZE`);
    });
    log(`load ${Math.round(load.ms / 1000)} s`);

    const config = loadConfig({
      LOG_LEVEL: 'silent',
      ZEMAG_MFA_REQUIRED_ROLES: '',
      // The bench measures speed: one field account sends thousands of look-ups.
      ZEMAG_LOOKUP_RATE_BURST: 'off',
    });
    const clock = createManualClock(new Date());
    const { app, services } = await buildApp({ config, database, clock });
    const visibility = { statuses: ['active'], includeRestricted: false, validOn: null };
    const pick = () => people[Math.floor(random() * people.length)]!;

    const measure = async (withDate: boolean) => {
      const times: number[] = [];
      const asked: { query: LookupQuery; id: string }[] = [];
      let found = 0;
      let lost = 0;
      // Look-ups with a full date of birth (the register holds one for 85 % of the persons).
      let fullDate = 0;
      let foundFullDate = 0;
      for (let i = 0; i < queries; i++) {
        const person = pick();
        const query = queryFor(person, random, withDate);
        const { ms, result } = await timed(() =>
          db.transaction((tx) => services.lookup.search({ db: tx, query, visibility })),
        );
        times.push(ms);
        asked.push({ query, id: person.id! });
        const full = query.dateOfBirth?.length === 10;
        if (full) fullDate += 1;
        if (result.some((r) => r.candidate.id === person.id)) {
          found += 1;
          if (full) foundFullDate += 1;
        } else if (person.id && (await lostByPreselection(query, person.id, result))) {
          lost += 1;
        }
      }
      return {
        times: times.sort((a, b) => a - b),
        found: found / queries,
        lost: lost / queries,
        foundFullDate: share(foundFullDate, fullDate),
        asked,
      };
    };
    /**
     * A miss is "lost" when the person, ranked on its own, would have been shown: it scores
     * above the last candidate shown (or fewer than 10 were shown). Otherwise it was not shown
     * because at least 10 others fit the query as well or better (namesakes: the query cannot
     * tell them apart), or because the ranking drops it.
     */
    const lostByPreselection = async (
      query: LookupQuery,
      id: string,
      shown: readonly { score: number }[],
    ) => {
      const { candidates } = await findCandidates({
        db,
        ids: [id],
        visibility,
        withIncidents: false,
      });
      const [own] = services.lookup.rank({ query, records: candidates });
      if (!own) return false;
      const last = shown[shown.length - 1];
      return (
        shown.length < services.lookup.settings.maxCandidates || !last || own.score > last.score
      );
    };
    // Warm the caches once, then measure.
    await measure(true);
    const nameAndDate = await measure(true);
    const nameOnly = await measure(false);
    // Persons not in the register, drawn from the same names, asked with the same errors.
    const absentRandom = makeRandom(20260116);
    const absent: { query: LookupQuery }[] = [];
    const absentTimes: number[] = [];
    for (let i = 0; i < queries; i++) {
      const query = queryFor(syntheticPerson(lists, absentRandom), absentRandom, true);
      const { ms } = await timed(() =>
        db.transaction((tx) => services.lookup.search({ db: tx, query, visibility })),
      );
      absentTimes.push(ms);
      absent.push({ query });
    }
    absentTimes.sort((a, b) => a - b);
    // What a field employee's answer shows (its own rules and thresholds, whatever they are).
    const departmentId = await authorisedBenchDepartment(db);
    const username = `bench.field.${Date.now()}`;
    const { user: fieldUser } = await db.transaction((tx) =>
      services.users.createUser({
        tx,
        username,
        displayName: 'Bench Field',
        password: 'ein langes Passwort zum Messen',
        departmentId,
        roles: ['field'],
        actor: null,
      }),
    );
    const fieldShown = fieldAnswers({
      db,
      lookup: services.lookup,
      actor: { id: fieldUser.id, abilities: permissionsFor(['field']) },
    });
    const present = [];
    for (const a of nameAndDate.asked) present.push({ id: a.id, shown: await fieldShown(a.query) });
    const absentShown = [];
    for (const a of absent) absentShown.push({ shown: await fieldShown(a.query) });
    const field = fieldRates({ present, absent: absentShown });
    // The curve from everything the ranking rates possible (the registrars' answer), so that it
    // also shows what thresholds below the field staff's would find and show.
    const possible = (query: LookupQuery) =>
      db.transaction(async (tx) =>
        scored(await services.lookup.search({ db: tx, query, visibility, audience: 'registrar' })),
      );
    const curvePresent = [];
    for (const a of nameAndDate.asked)
      curvePresent.push({ id: a.id, ...(await possible(a.query)) });
    const curveAbsent = [];
    for (const a of absent) curveAbsent.push(await possible(a.query));
    const curve = operatingCurve({ present: curvePresent, absent: curveAbsent, thresholds });
    const exact: number[] = [];
    for (let i = 0; i < queries; i++) {
      const person = pick();
      const word = familyNameWords(person.familyName)[0] ?? '';
      const year = Number((person.dateOfBirth ?? '1970').slice(0, 4));
      exact.push((await timed(() => exactWordAndYear({ db, word, year }))).ms);
    }
    exact.sort((a, b) => a - b);

    // HTTP end to end: a field employee with a session, 8 clients in parallel.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const signIn = await fetch(`${address}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'ein langes Passwort zum Messen' }),
    });
    if (signIn.status !== 200) throw new Error(`bench sign-in failed: ${signIn.status}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    // The clients run in a worker thread: in the server's own event loop they would take its
    // time (and delay its answers) like no real client does.
    const bodies = Array.from({ length: 2000 }, () =>
      JSON.stringify({
        ...queryFor(pick(), random, true),
        purpose: { fileNumber: 'BENCH-2026-1', reason: 'home_visit' },
      }),
    );
    const http = await runHttpClients({
      url: `${address}/api/v1/lookups`,
      cookie,
      bodies,
      clients: 8,
      seconds: httpSeconds,
    });
    const { requests, failures, seconds } = http;
    await app.close();
    if (failures > 0) log(`http failures: ${failures}`);

    return {
      engine: database.engine,
      persons,
      p50_ms: percentile(nameAndDate.times, 50),
      p95_ms: percentile(nameAndDate.times, 95),
      p99_ms: percentile(nameAndDate.times, 99),
      name_only_p95_ms: percentile(nameOnly.times, 95),
      http_rps: Math.round(requests / seconds),
      exact_baseline_p95_ms: percentile(exact, 95),
      found_rate_name_and_date: Math.round(nameAndDate.found * 1000) / 1000,
      found_rate_name_only: Math.round(nameOnly.found * 1000) / 1000,
      // Misses the pre-selection caused (see `lostByPreselection`); the rest are namesakes.
      lost_rate_name_and_date: Math.round(nameAndDate.lost * 1000) / 1000,
      lost_rate_name_only: Math.round(nameOnly.lost * 1000) / 1000,
      // Of the name + date look-ups those that gave a full date (a stored date of a year only,
      // or none, cannot tell namesakes apart).
      found_rate_name_and_full_date: nameAndDate.foundFullDate,
      http_failures: failures,
      load_seconds: Math.round(load.ms / 1000),
      // --reuse: the persons of an earlier run were asked (load_seconds is then 0).
      reused: reuse,
      names_source: lists.source,
      absent_p95_ms: percentile(absentTimes, 95),
      // Of the field employee's answers: absent persons answered with anyone, wrong persons
      // shown per look-up of a present person (name + date of birth), present persons found.
      negative_hit_rate: field.negative_hit_rate,
      false_candidates_per_query: field.false_candidates_per_query,
      found_rate_field: field.found_rate_field,
      // The same rates if only candidates scoring at least `threshold` were shown.
      curve,
    };
  } finally {
    await database.close();
  }
}

const CLIENT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, cookie, bodies, clients, seconds } = workerData;
let requests = 0;
let failures = 0;
let next = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
async function client() {
  while (performance.now() < deadline) {
    const body = bodies[next++ % bodies.length];
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body,
      });
      await response.arrayBuffer();
      if (response.status === 200) requests += 1;
      else failures += 1;
    } catch {
      failures += 1;
    }
  }
}
Promise.all(Array.from({ length: clients }, client)).then(() => {
  parentPort.postMessage({ requests, failures, seconds: (performance.now() - started) / 1000 });
});
`;

/** `clients` concurrent HTTP clients in a worker thread, posting `bodies` round robin for `seconds`. */
function runHttpClients(workerData: {
  url: string;
  cookie: string;
  bodies: string[];
  clients: number;
  seconds: number;
}): Promise<{ requests: number; failures: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT_CODE, { eval: true, workerData });
    worker.once('message', (result: { requests: number; failures: number; seconds: number }) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Writes the result to `bench/results/lookup-<engine>-<N>.json` under `root`. */
export function writeLookupResult(root: string, result: { engine: string; persons: number }) {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `lookup-${result.engine}-${result.persons}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
