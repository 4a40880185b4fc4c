import type {
  CurrentUser,
  Incident,
  IncidentList,
  IncidentReceipt,
  IncidentReport,
  IncidentStatus,
  ReviewDecision,
} from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { correctionHistory } from '../corrections/corrections.mapping.js';
import { findUserById } from '../identity/identity.repository.js';
import { insertNotification } from '../notifications/notifications.repository.js';
import { factColumns, toIncident, toSummary } from './incidents.mapping.js';
import { incidentActions, OPEN_FOR_REVIEW, refuseOwnReport } from './incidents.policy.js';
import {
  findIncident,
  findIncidentForUpdate,
  insertIncident,
  insertMessage,
  listByReporter,
  listForReview,
  replaceInvolvedPersons,
  updateIncident,
  type IncidentRow,
} from './incidents.repository.js';

/** Phones' clocks drift: a report up to this far "in the future" is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type IncidentsService = ReturnType<typeof createIncidentsService>;
type Actor = Pick<CurrentUser, 'id' | 'abilities'>;

/** The columns a report sets, from the validated input. A one-tap report is completed later. */
function reportColumns(report: IncidentReport) {
  return { ...factColumns(report), quick: report.quick || report.incomplete };
}

/**
 * The level and categories a confirmation stores: the registrar's, else the report's. A report
 * without them (an incomplete one-tap report) is confirmed only with both.
 */
export function confirmedClassification(
  incident: Pick<IncidentRow, 'level' | 'categories'>,
  decision: { level?: number | undefined; categories?: readonly string[] | undefined },
): { level: number; categories: string[] } {
  const level = decision.level ?? incident.level;
  const categories =
    decision.categories && decision.categories.length > 0
      ? [...decision.categories]
      : incident.categories;
  if (level === null) throw new AppError(400, 'incident.incomplete', { field: 'level' });
  if (categories.length === 0) {
    throw new AppError(400, 'incident.incomplete', { field: 'categories' });
  }
  return { level, categories };
}

function involvedRows(report: IncidentReport) {
  return report.persons.map((p) => ({
    familyName: p.familyName,
    givenNames: p.givenNames,
    dateOfBirth: p.dateOfBirth,
    address: p.address,
    description: p.description,
  }));
}

export function createIncidentsService({
  db,
  audit,
  clock,
  idempotency,
  cipher,
  timeZone,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  idempotency: IdempotencyService;
  cipher: FieldCipher;
  timeZone: string;
}) {
  function assertNotInFuture(report: IncidentReport) {
    if (new Date(report.occurredAt).getTime() > clock.now().getTime() + CLOCK_SKEW_MS) {
      throw new AppError(400, 'incident.in_future', { field: 'occurredAt' });
    }
  }

  /** Reads a report for a user: its reporter, or a registrar (audited); others learn nothing. */
  async function readable(tx: Db | Tx, actor: Actor, id: string) {
    const { found } = await findIncident({ db: tx, cipher, id });
    const own = found?.incident.reporterId === actor.id;
    if (!found || (!own && !actor.abilities.includes('incident.review'))) {
      throw new AppError(404, 'resource.not_found');
    }
    return { found, own };
  }

  function present(
    actor: Actor,
    found: NonNullable<Awaited<ReturnType<typeof findIncident>>['found']>,
  ) {
    return toIncident(found, {
      actions: incidentActions(actor, {
        reporterId: found.incident.reporterId,
        status: found.incident.status as IncidentStatus,
        quick: found.incident.quick,
      }),
      showPersonLinks: actor.abilities.includes('incident.review'),
    });
  }

  async function notifyReporter(tx: Tx, incident: IncidentRow, kind: string) {
    await insertNotification({
      db: tx,
      notice: {
        recipientId: incident.reporterId,
        kind,
        subjectType: 'incident',
        subjectId: incident.id,
        reference: incident.reference,
        createdAt: clock.now(),
      },
    });
  }

  /** Locks a report a registrar acts on and checks it is someone else's and still open. */
  async function lockForReview(tx: Tx, actor: Actor, id: string) {
    const { incident } = await findIncidentForUpdate({ db: tx, id });
    if (!incident) throw new AppError(404, 'resource.not_found');
    refuseOwnReport(actor, [incident]);
    if (!OPEN_FOR_REVIEW.includes(incident.status as IncidentStatus)) {
      throw new AppError(409, 'incident.wrong_status');
    }
    return incident;
  }

  return {
    /** Stores a report exactly once per idempotency key. */
    async submit({
      actor,
      key,
      report,
    }: {
      actor: Actor;
      key: string;
      report: IncidentReport;
    }): Promise<{ status: number; receipt: IncidentReceipt; replayed: boolean }> {
      assertNotInFuture(report);
      const result = await idempotency.run({
        userId: actor.id,
        key,
        operation: 'incident.submit',
        request: report,
        status: 201,
        perform: async (tx) => {
          const now = clock.now();
          const reporter = await findUserById({ db: tx, id: actor.id });
          const { incident } = await insertIncident({
            cipher,
            db: tx,
            year: localDate(now, timeZone).slice(0, 4),
            incident: {
              ...reportColumns(report),
              status: 'submitted',
              reporterId: actor.id,
              reporterDepartmentId: reporter.user?.departmentId ?? null,
              submittedAt: now,
              updatedAt: now,
            },
          });
          await replaceInvolvedPersons({
            cipher,
            db: tx,
            incidentId: incident.id,
            persons: involvedRows(report),
          });
          await audit.record({
            tx,
            actor: actor.id,
            action: 'incident.submit',
            subject: { type: 'incident', id: incident.id },
            details: {
              reference: incident.reference,
              level: incident.level,
              quick: incident.quick,
              incomplete: report.incomplete,
              persons: report.persons.length,
            },
          });
          return {
            id: incident.id,
            reference: incident.reference,
            status: 'submitted' as const,
            submittedAt: now.toISOString(),
          };
        },
      });
      return { status: result.status, receipt: result.body, replayed: result.replayed };
    },

    async listMine({ actor }: { actor: Actor }): Promise<IncidentList> {
      const { rows } = await listByReporter({ db, reporterId: actor.id });
      return { incidents: rows.map(toSummary) };
    },

    /** The review queue; reading it is audited with the ids shown. */
    async reviewQueue({ actor }: { actor: Actor }): Promise<IncidentList> {
      return db.transaction(async (tx) => {
        const { rows } = await listForReview({ db: tx, registrarId: actor.id });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'incident.queue_read',
          details: { ids: rows.map((r) => r.incident.id) },
        });
        return { incidents: rows.map(toSummary) };
      });
    },

    async get({ actor, id }: { actor: Actor; id: string }): Promise<Incident> {
      return db.transaction(async (tx) => {
        const { found, own } = await readable(tx, actor, id);
        if (!own) {
          await audit.record({
            tx,
            actor: actor.id,
            action: 'incident.read',
            subject: { type: 'incident', id },
          });
        }
        const incident = present(actor, found);
        if (!actor.abilities.includes('incident.review')) return incident;
        return {
          ...incident,
          corrections: await correctionHistory(tx, cipher, { incidentId: id }),
        };
      });
    },

    /** The reporter completes a quick report or answers a question with the whole report. */
    async amend({
      actor,
      id,
      report,
      answer,
    }: {
      actor: Actor;
      id: string;
      report: IncidentReport;
      answer: string;
    }): Promise<Incident> {
      assertNotInFuture(report);
      // Completing means completing: the level may be left open only by the one-tap report.
      if (report.incomplete) {
        throw new AppError(400, 'incident.incomplete', { field: 'report.level' });
      }
      return db.transaction(async (tx) => {
        const { incident } = await findIncidentForUpdate({ db: tx, id });
        if (!incident || incident.reporterId !== actor.id) {
          throw new AppError(404, 'resource.not_found');
        }
        const actions = incidentActions(actor, {
          reporterId: incident.reporterId,
          status: incident.status as IncidentStatus,
          quick: incident.quick,
        });
        if (!actions.includes('amend')) throw new AppError(409, 'incident.not_amendable');
        const now = clock.now();
        const answered = incident.status === 'needs_info';
        await updateIncident({
          cipher,
          db: tx,
          id,
          changes: {
            ...reportColumns(report),
            status: answered ? 'submitted' : incident.status,
            updatedAt: now,
          },
        });
        await replaceInvolvedPersons({
          db: tx,
          cipher,
          incidentId: id,
          persons: involvedRows(report),
        });
        if (answer !== '') {
          await insertMessage({
            db: tx,
            message: {
              incidentId: id,
              kind: 'answer',
              body: answer,
              authorId: actor.id,
              createdAt: now,
            },
          });
        }
        await audit.record({
          tx,
          actor: actor.id,
          action: answered ? 'incident.answer' : 'incident.complete',
          subject: { type: 'incident', id },
          details: { reference: incident.reference },
        });
        const { found } = await findIncident({ db: tx, cipher, id });
        return present(actor, found!);
      });
    },

    async startReview({ actor, id }: { actor: Actor; id: string }): Promise<Incident> {
      return db.transaction(async (tx) => {
        const incident = await lockForReview(tx, actor, id);
        if (incident.status === 'submitted') {
          await updateIncident({
            cipher,
            db: tx,
            id,
            changes: { status: 'in_review', reviewerId: actor.id, updatedAt: clock.now() },
          });
          await notifyReporter(tx, incident, 'incident.in_review');
        }
        await audit.record({
          tx,
          actor: actor.id,
          action: 'incident.start_review',
          subject: { type: 'incident', id },
        });
        const { found } = await findIncident({ db: tx, cipher, id });
        return present(actor, found!);
      });
    },

    /** Confirm, reject with a reason, or ask the reporter; the reporter is notified. */
    async decide({
      actor,
      id,
      decision,
    }: {
      actor: Actor;
      id: string;
      decision: ReviewDecision;
    }): Promise<Incident> {
      return db.transaction(async (tx) => {
        const incident = await lockForReview(tx, actor, id);
        const classification =
          decision.decision === 'confirm' ? confirmedClassification(incident, decision) : null;
        const now = clock.now();
        const status: IncidentStatus =
          decision.decision === 'confirm'
            ? 'confirmed'
            : decision.decision === 'reject'
              ? 'rejected'
              : 'needs_info';
        const text =
          decision.decision === 'reject'
            ? decision.reason
            : decision.decision === 'ask'
              ? decision.question
              : decision.note;
        await updateIncident({
          cipher,
          db: tx,
          id,
          changes: {
            status,
            reviewerId: actor.id,
            decidedAt: status === 'needs_info' ? null : now,
            updatedAt: now,
            ...(classification ?? {}),
          },
        });
        if (text !== '') {
          await insertMessage({
            db: tx,
            message: {
              incidentId: id,
              kind: decision.decision === 'ask' ? 'question' : 'decision',
              body: text,
              authorId: actor.id,
              createdAt: now,
            },
          });
        }
        await notifyReporter(tx, incident, `incident.${status}`);
        await audit.record({
          tx,
          actor: actor.id,
          action: `incident.${decision.decision}`,
          subject: { type: 'incident', id },
          purpose: decision.decision === 'reject' ? decision.reason : null,
          details: {
            reference: incident.reference,
            from: incident.status,
            to: status,
            ...(classification &&
            (classification.level !== incident.level ||
              classification.categories.join() !== incident.categories.join())
              ? {
                  level: { from: incident.level, to: classification.level },
                  categories: { from: incident.categories, to: classification.categories },
                }
              : {}),
          },
        });
        const { found } = await findIncident({ db: tx, cipher, id });
        return present(actor, found!);
      });
    },
  };
}
