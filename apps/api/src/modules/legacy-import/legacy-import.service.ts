import type { LocalizedText, Precaution, Role } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, DbOrTx, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { PROBLEM_MESSAGES } from '../../http/problem-messages.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { findUserByUsername } from '../identity/identity.repository.js';
import { insertIncident, replaceInvolvedPersons } from '../incidents/incidents.repository.js';
import type { ListingsService } from '../listings/listings.service.js';
import { refreshSearchKeys } from '../lookup/lookup.service.js';
import { insertAddress, insertName } from '../persons/persons.repository.js';
import type { PersonsService } from '../persons/persons.service.js';
import { legacyMessage } from './legacy-import.messages.js';
import { parseLegacyFile, type LegacyProblem, type LegacyRow } from './legacy-import.parse.js';
import { planListing } from './legacy-import.plan.js';
import {
  findLegacyImports,
  insertLegacyImport,
  listInvolvedIds,
} from './legacy-import.repository.js';

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
  outcome: 'created' | 'skipped' | 'failed';
  /** `proposed`: a listing waits for a second registrar; `none`: person and incident only. */
  listing: 'proposed' | 'none';
  /** Why no listing was proposed, why the row was skipped or failed. */
  message: LocalizedText | null;
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
  /** Invalid rows: each problem names row, column and field. */
  problems: LegacyProblem[];
  results: LegacyRowResult[];
}

/** The import was refused as a whole (e.g. the acting user is no registrar). */
export class LegacyImportRefused extends Error {
  constructor(readonly text: LocalizedText) {
    super(`${text.de}\n${text.en}`);
    this.name = 'LegacyImportRefused';
  }
}

type Actor = { id: string; departmentId: string | null };
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
  settings,
  rolesOf,
  scoped,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  settings: LegacyImportSettings;
  rolesOf(input: { db?: DbOrTx; userId: string }): Promise<{ roles: Role[] }>;
  /** The persons and listings services working inside the row's transaction. */
  scoped(tx: Tx): { persons: PersonsService; listings: ListingsService };
}) {
  const today = () => localDate(clock.now(), settings.timeZone);

  async function importRow(actor: Actor, row: LegacyRow) {
    const plan = planListing(row, { today: today(), validityMonths: settings.validityMonths });
    return db.transaction(async (tx) => {
      const { persons, listings } = scoped(tx);
      const now = clock.now();
      const [first, ...moreAddresses] = row.addresses;
      const description = [
        `Übernommen aus der bisherigen Liste, Aktenzeichen ${row.reference}.`,
        row.note ?? '',
      ]
        .join('\n\n')
        .trim();
      // The incident was reviewed when it entered the old list; the import records it as
      // confirmed by the importing registrar. A listing on it still needs a second registrar.
      const { incident } = await insertIncident({
        db: tx,
        year: localDate(now, settings.timeZone).slice(0, 4),
        incident: {
          status: 'confirmed',
          reporterId: actor.id,
          reporterDepartmentId: actor.departmentId,
          occurredAt: new Date(`${row.incidentDate}T12:00:00Z`),
          placeAddress: null,
          placeDescription: null,
          categories: row.categories,
          level: row.level,
          description,
          injuries: 'unknown',
          policeInvolved: null,
          complaintStatus: row.criminalComplaint.status,
          complaintFileNumber: row.criminalComplaint.fileNumber,
          quick: false,
          reviewerId: actor.id,
          decidedAt: now,
          submittedAt: now,
          updatedAt: now,
        },
      });
      await replaceInvolvedPersons({
        db: tx,
        incidentId: incident.id,
        persons: [
          {
            familyName: row.familyName,
            givenNames: row.givenNames,
            dateOfBirth: row.dateOfBirth,
            address: first ?? null,
            description: null,
          },
        ],
      });
      await audit.record({
        tx,
        actor: actor.id,
        action: 'incident.import_legacy',
        subject: { type: 'incident', id: incident.id },
        details: {
          reference: incident.reference,
          legacyReference: row.reference,
          level: row.level,
          status: 'confirmed',
        },
      });
      const { ids } = await listInvolvedIds({ db: tx, incidentId: incident.id });
      const person = await persons.link({
        actor,
        incidentId: incident.id,
        involvedId: ids[0]!,
        request: {
          create: {
            familyName: row.familyName,
            givenNames: row.givenNames,
            dateOfBirth: row.dateOfBirth,
            notes: null,
            address: first ?? null,
          },
        },
      });
      const names = [
        ...row.aliases.map((n) => ({ ...n, kind: 'alias' })),
        ...row.formerNames.map((n) => ({ ...n, kind: 'former' })),
      ];
      for (const name of names) {
        await insertName({ db: tx, name: { personId: person.id, ...name } });
      }
      for (const address of moreAddresses) {
        await insertAddress({ db: tx, address: { personId: person.id, ...address } });
      }
      if (names.length > 0 || moreAddresses.length > 0) {
        await refreshSearchKeys({ db: tx, personIds: [person.id] });
      }
      let listingId: string | null = null;
      if (plan.propose) {
        const listing = await listings.propose({
          actor,
          proposal: {
            personId: person.id,
            incidentIds: [incident.id],
            level: row.level as 2 | 3,
            categories: plan.categories,
            precautions: row.precautions,
            precautionsText: row.precautionsText,
            validUntil: plan.validUntil,
            reason: `Übernahme aus der bisherigen Liste (Aktenzeichen ${row.reference})`,
          },
        });
        listingId = listing.id;
      }
      await insertLegacyImport({
        db: tx,
        row: {
          legacyReference: row.reference,
          personId: person.id,
          incidentId: incident.id,
          listingId,
          rowHash: row.hash,
          importedBy: actor.id,
          importedAt: now,
        },
      });
      return { plan };
    });
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
     * nothing). Rows already imported (same legacy reference) are skipped.
     */
    async run({
      actor,
      text,
      dryRun,
    }: {
      actor: Actor;
      text: string;
      dryRun: boolean;
    }): Promise<LegacyImportReport> {
      const parsed = parseLegacyFile(text, { precautions: settings.precautions, today: today() });
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
        problems: parsed.problems,
        results: [],
      };
      if (!parsed.ok) {
        report.summary.invalid = 1;
        return report;
      }
      const invalidRows = new Set(parsed.problems.map((p) => p.row));
      report.summary.invalid = invalidRows.size;
      report.summary.rows = parsed.rows.length + invalidRows.size;
      const { rows: earlier } = await findLegacyImports({
        db,
        references: parsed.rows.map((r) => r.reference),
      });
      const byReference = new Map(earlier.map((e) => [e.legacyReference, e]));
      for (const row of parsed.rows) {
        const before = byReference.get(row.reference);
        if (before) {
          report.summary.skipped += 1;
          report.results.push({
            row: row.row,
            reference: row.reference,
            outcome: 'skipped',
            listing: 'none',
            message:
              before.personId === null
                ? legacyMessage('row.deleted')
                : before.rowHash === row.hash
                  ? null
                  : legacyMessage('row.changed'),
          });
          continue;
        }
        const plan = planListing(row, { today: today(), validityMonths: settings.validityMonths });
        const result: LegacyRowResult = {
          row: row.row,
          reference: row.reference,
          outcome: 'created',
          listing: plan.propose ? 'proposed' : 'none',
          message: plan.propose ? null : legacyMessage(plan.reason),
        };
        if (!dryRun) {
          try {
            await importRow(actor, row);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            result.outcome = 'failed';
            result.listing = 'none';
            result.message = { ...PROBLEM_MESSAGES[error.code].detail };
          }
        }
        report.results.push(result);
        if (result.outcome === 'failed') report.summary.failed += 1;
        else {
          report.summary.created += 1;
          if (result.listing === 'proposed') report.summary.listingsProposed += 1;
          else report.summary.withoutListing += 1;
        }
      }
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
