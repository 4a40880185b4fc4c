import { errorDetail, type LocalizedText, type Precaution, type Role } from '@zemag/contracts';
import { ZodError } from 'zod';
import type { Clock } from '../../clock.js';
import type { Db, DbOrTx, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { findUserByUsername } from '../identity/identity.repository.js';
import type { ListingsService } from '../listings/listings.service.js';
import { findPersons } from '../persons/persons.repository.js';
import { toPerson } from '../persons/persons.mapping.js';
import type { PersonsService } from '../persons/persons.service.js';
import { rankDuplicates, similarPersonKeys } from '../persons/persons.similar.js';
import { legacyMessage } from './legacy-import.messages.js';
import type { DetectedEncoding, LegacyEncoding } from './legacy-import.encoding.js';
import { legacyRows, type LegacyProblem, type LegacyRow } from './legacy-import.parse.js';
import { planRow } from './legacy-import.plan.js';
import {
  findLegacyImports,
  findSimilarPersonsBatch,
  type LegacyImportRow,
} from './legacy-import.repository.js';
import {
  additionsFor,
  addToPerson,
  createFromRow,
  type LegacyActor,
} from './legacy-import.write.js';

export interface LegacyImportSettings {
  timeZone: string;
  /** Default validity of a listing: months after the incident (`ZEMAG_LISTING_VALIDITY_MONTHS`). */
  validityMonths: number;
  /** The precaution catalogue (codes or texts in the file are mapped to its codes). */
  precautions: readonly Precaution[];
}

/** What happened to one valid row. */
export interface LegacyRowResult {
  row: number;
  reference: string;
  outcome: 'created' | 'updated' | 'skipped' | 'failed';
  /** `proposed`: a listing waits for a second registrar; `none`: person and incident only. */
  listing: 'proposed' | 'none';
  /** Why no listing was proposed, why the row was skipped or failed, possible duplicates. */
  notes: LocalizedText[];
}

export interface LegacyImportReport {
  summary: {
    dryRun: boolean;
    rows: number;
    created: number;
    updated: number;
    skipped: number;
    invalid: number;
    failed: number;
    listingsProposed: number;
    withoutListing: number;
  };
  /** Stopped by TERM/INT before the end of the file. */
  stopped: boolean;
  /** The encoding the file was read in (null: no file was read). */
  encoding: DetectedEncoding | null;
  /** Invalid rows: each problem names row, column and field (empty when `onProblem` took them). */
  problems: LegacyProblem[];
  /** Empty when `onResult` took them. */
  results: LegacyRowResult[];
}

/** Rows checked and written per batch: one query for earlier imports and duplicates each. */
const BATCH = 500;

/** The import was refused as a whole (e.g. the acting user is no registrar). */
export class LegacyImportRefused extends Error {
  constructor(readonly text: LocalizedText) {
    super(`${text.de}\n${text.en}`);
    this.name = 'LegacyImportRefused';
  }
}

type Actor = LegacyActor;
export type LegacyImportService = ReturnType<typeof createLegacyImportService>;

/**
 * Takes over a city's earlier spreadsheet: persons (names, aliases, addresses) with a confirmed
 * legacy incident each, and — only where the listing rule holds — a **proposed** listing with
 * the importing registrar as proposer. A second registrar activates it as usual (four eyes),
 * so the import never creates an active listing. One transaction per row.
 */
export function createLegacyImportService({
  db,
  audit,
  clock,
  cipher,
  settings,
  rolesOf,
  scoped,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  cipher: FieldCipher;
  settings: LegacyImportSettings;
  rolesOf(input: { db?: DbOrTx; userId: string }): Promise<{ roles: Role[] }>;
  /** The persons and listings services working inside the row's transaction. */
  scoped(tx: Tx): { persons: PersonsService; listings: ListingsService };
}) {
  const today = () => localDate(clock.now(), settings.timeZone);

  const deps = (tx: Tx) => ({
    tx,
    audit,
    clock,
    cipher,
    timeZone: settings.timeZone,
    ...scoped(tx),
  });

  /** The person an earlier import created, following a merge; null when it was deleted. */
  async function personOf(conn: DbOrTx, id: string | null) {
    let current = id;
    for (let hops = 0; current && hops < 10; hops += 1) {
      const { records } = await findPersons({ db: conn, cipher, ids: [current] });
      const record = records[0];
      if (!record) return null;
      if (!record.person.mergedIntoId) return record;
      current = record.person.mergedIntoId;
    }
    return null;
  }

  /** A row imported before: skipped, or (changed) new names and addresses added. */
  async function again(
    actor: Actor,
    row: LegacyRow,
    before: LegacyImportRow,
    dryRun: boolean,
  ): Promise<LegacyRowResult> {
    const result: LegacyRowResult = {
      row: row.row,
      reference: row.reference,
      outcome: 'skipped',
      listing: 'none',
      notes: [],
    };
    if (before.rowHash === row.hash) return result;
    const check = async (conn: DbOrTx) => {
      const record = await personOf(conn, before.personId);
      return record ? { record, additions: additionsFor(record, row) } : null;
    };
    const found = dryRun ? await check(db) : null;
    const outcome = dryRun
      ? found
      : await db.transaction(async (tx) => {
          const checked = await check(tx);
          if (checked && (checked.additions.names.length || checked.additions.addresses.length)) {
            await addToPerson(
              { tx, audit },
              actor,
              checked.record.person.id,
              row.reference,
              checked.additions,
            );
          }
          return checked;
        });
    if (!outcome) {
      result.notes.push(legacyMessage('row.deleted'));
      return result;
    }
    const { names, addresses } = outcome.additions;
    if (names.length + addresses.length === 0) {
      result.notes.push(legacyMessage('row.changed'));
      return result;
    }
    result.outcome = 'updated';
    result.notes.push(
      legacyMessage('row.updated', { names: names.length, addresses: addresses.length }),
    );
    return result;
  }

  /** How many person records each row's person may duplicate (the persons service's matcher). */
  async function countDuplicates(rows: readonly LegacyRow[]): Promise<number[]> {
    const reported = rows.map((row) => ({
      familyName: row.familyName,
      givenNames: row.givenNames,
      dateOfBirth: row.dateOfBirth,
    }));
    const { ids } = await findSimilarPersonsBatch({ db, asked: reported.map(similarPersonKeys) });
    const wanted = [...new Set(ids.flat())];
    const persons = new Map<string, ReturnType<typeof toPerson>>();
    for (let i = 0; i < wanted.length; i += 200) {
      const { records } = await findPersons({ db, cipher, ids: wanted.slice(i, i + 200) });
      for (const record of records) persons.set(record.person.id, toPerson(record));
    }
    return reported.map(
      (person, i) =>
        rankDuplicates(
          person,
          ids[i]!.map((id) => persons.get(id)).filter((p) => p !== undefined),
        ).length,
    );
  }

  /** A new row: created in its own transaction (or, dry, only planned). */
  async function create(
    actor: Actor,
    row: LegacyRow,
    dryRun: boolean,
    duplicates?: number,
  ): Promise<LegacyRowResult> {
    const planned = planRow(row, { today: today(), validityMonths: settings.validityMonths });
    if (!planned.take) {
      const params = { date: planned.endedOn, months: settings.validityMonths };
      return {
        row: row.row,
        reference: row.reference,
        outcome: 'skipped',
        listing: 'none',
        notes: [legacyMessage('row.expired', params)],
      };
    }
    const plan = planned.listing;
    const result: LegacyRowResult = {
      row: row.row,
      reference: row.reference,
      outcome: 'created',
      listing: plan.propose ? 'proposed' : 'none',
      notes: plan.propose ? [] : [legacyMessage(plan.reason)],
    };
    // A real run asks per row: the rows imported just before may be duplicates too.
    const similar = duplicates ?? (await countDuplicates([row]))[0]!;
    if (similar > 0) {
      result.notes.push(legacyMessage('person.possible_duplicate', { count: similar }));
    }
    if (dryRun) return result;
    try {
      const created = await db.transaction((tx) => createFromRow(deps(tx), actor, row, plan));
      if (!created) return { ...result, outcome: 'skipped', listing: 'none', notes: [] };
    } catch (error) {
      // A rule or the input check of a service refused the row: its transaction is rolled back
      // as a whole, the rest of the file goes on.
      const code =
        error instanceof AppError
          ? error.code
          : error instanceof ZodError
            ? 'request.invalid'
            : null;
      if (code === null) throw error;
      return {
        ...result,
        outcome: 'failed',
        listing: 'none',
        notes: [errorDetail(code)],
      };
    }
    return result;
  }

  return {
    /** The acting registrar by user name; refused unless the account holds the registrar role. */
    async registrar(username: string): Promise<Actor> {
      const { user } = await findUserByUsername({ db, username });
      const refused = new LegacyImportRefused({
        de: `„${username}“ ist kein aktives Konto mit der Rolle Registerstelle (registrar).`,
        en: `"${username}" is not an active account with the registrar role.`,
      });
      if (!user || user.disabledAt) throw refused;
      const { roles } = await rolesOf({ userId: user.id });
      if (!roles.includes('registrar')) throw refused;
      return { id: user.id, departmentId: user.departmentId };
    },

    /**
     * Imports a file (or, with `dryRun`, only reports what an import would do and writes
     * nothing). Rows already imported (same legacy reference) are skipped. The file is read
     * twice as a stream: first checked as a whole — a file that cannot be read on (encoding,
     * missing columns, an unclosed quote) is refused before anything is written — then its
     * valid rows are imported in batches. `onProblem`/`onResult` receive the report as it
     * grows (a large file's report need not be held in memory).
     */
    async run({
      actor,
      text,
      file,
      encoding,
      dryRun,
      stop,
      onProblem,
      onResult,
    }: {
      actor: Actor;
      text?: string;
      file?: string;
      /** Read the file in this encoding (Windows-1252 is only read when asked for). */
      encoding?: LegacyEncoding;
      dryRun: boolean;
      /** Stops after the row being written (`stopped`); the rest is not imported. */
      stop?: AbortSignal;
      onProblem?: (problem: LegacyProblem) => void;
      onResult?: (result: LegacyRowResult) => void;
    }): Promise<LegacyImportReport> {
      const source = file !== undefined ? { file } : { text: text ?? '' };
      const options = {
        precautions: settings.precautions,
        today: today(),
        ...(encoding ? { encoding } : {}),
      };
      const report: LegacyImportReport = {
        summary: {
          dryRun,
          rows: 0,
          created: 0,
          updated: 0,
          skipped: 0,
          invalid: 0,
          failed: 0,
          listingsProposed: 0,
          withoutListing: 0,
        },
        stopped: false,
        encoding: null,
        problems: [],
        results: [],
      };
      const problem = onProblem ?? ((p: LegacyProblem) => void report.problems.push(p));
      const done = onResult ?? ((r: LegacyRowResult) => void report.results.push(r));
      // First the bytes: a file that is not text in its encoding is refused before anything is
      // written. (A quote never closed is found only by reading the CSV, at the end of the file:
      // the rows before it are imported, the report names the line it opened on.)
      for await (const event of legacyRows(source, { ...options, decodeOnly: true })) {
        if (event.kind === 'encoding') report.encoding = event.encoding;
        else if (event.kind === 'refused') {
          event.problems.forEach(problem);
          report.summary.invalid = 1;
          return report;
        }
      }

      const importBatch = async (rows: LegacyRow[]) => {
        const { rows: earlier } = await findLegacyImports({
          db,
          references: rows.map((r) => r.reference),
        });
        const byReference = new Map(earlier.map((e) => [e.legacyReference, e]));
        const fresh = rows.filter((r) => !byReference.has(r.reference));
        const counts = dryRun ? await countDuplicates(fresh) : [];
        const duplicates = new Map(fresh.map((row, i) => [row, counts[i]!]));
        for (const row of rows) {
          // PGlite answers without I/O: a run of awaits never lets the event loop turn, so a
          // TERM/INT handler (and timers) would wait for the whole file. Let it turn per row.
          await new Promise((resolve) => setImmediate(resolve));
          if (stop?.aborted) return;
          const before = byReference.get(row.reference);
          const result = before
            ? await again(actor, row, before, dryRun)
            : await create(actor, row, dryRun, duplicates.get(row));
          done(result);
          report.summary[result.outcome] += 1;
          if (result.outcome === 'created') {
            if (result.listing === 'proposed') report.summary.listingsProposed += 1;
            else report.summary.withoutListing += 1;
          }
        }
      };
      let batch: LegacyRow[] = [];
      for await (const event of legacyRows(source, options)) {
        if (stop?.aborted) break;
        if (event.kind === 'invalid' || event.kind === 'refused') {
          event.problems.forEach(problem);
          report.summary.invalid += 1;
          if (event.kind === 'refused') break; // only if the file changed since the first pass
          report.summary.rows += 1;
        }
        if (event.kind !== 'row') continue;
        report.summary.rows += 1;
        batch.push(event.row);
        if (batch.length === BATCH) {
          await importBatch(batch);
          batch = [];
        }
      }
      await importBatch(batch);
      report.stopped = stop?.aborted ?? false;
      if (!dryRun) {
        await db.transaction((tx) =>
          audit.record({
            tx,
            actor: actor.id,
            action: 'import.legacy_persons',
            details: { ...report.summary },
          }),
        );
      }
      return report;
    },
  };
}
