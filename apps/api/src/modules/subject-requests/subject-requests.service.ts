import type { CurrentUser } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import type { LetterheadSettings } from '../letters/letter.settings.js';
import { findPersonForUpdate } from '../persons/persons.repository.js';
import { accessExport } from './access.export.js';
import { accessLetter, renderLetterPdf, unprintableAccessFields } from './access.pdf.js';
import { loadPersonRows } from './access.repository.js';
import { openListingOf, toSubjectRequest } from './subject-requests.mapping.js';
import {
  findSubjectRequest,
  findSubjectRequestForUpdate,
  insertSubjectRequest,
  listSubjectRequests,
  nextSubjectRequestNumber,
  updateSubjectRequest,
} from './subject-requests.repository.js';
import {
  dueOnFor,
  latestExtendedDueOn,
  subjectRequestReference,
  type SubjectRequestKind,
} from './subject-requests.rules.js';
import { accessFieldErrors } from './access.refusal.js';
import { erasureSteps } from './subject-requests.erasure.js';

type Actor = Pick<CurrentUser, 'id'>;
export type SubjectRequestsService = ReturnType<typeof createSubjectRequestsService>;

/** The deletion primitive (modules/deletion/erase.ts `erasePerson`), injected. */
export type ErasePerson = (ctx: {
  tx: Tx;
  audit: AuditService;
  actorId: string | null;
  rule: string;
  at: Date;
  personId: string;
}) => Promise<{ counts: Record<string, number> }>;

/**
 * Data-subject requests (Art. 15–18, 21 GDPR): recorded with their one-month deadline, extended
 * once by up to two months, answered once; the access answer as JSON or PDF; erasure proposed by
 * one registrar and carried out by another. Every step is audited in its transaction, without
 * personal content in the details.
 */
export function createSubjectRequestsService(deps: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  /** Field encryption: the export shows narratives and notes in plain text. */
  cipher: FieldCipher;
  settings: { timeZone: string; letterhead: LetterheadSettings };
  erase?: ErasePerson;
  /** After the erasure committed: the deletion ledger appends it (deletion.service `flush`). */
  afterErasure?: () => Promise<unknown>;
}) {
  const { db, audit, clock, cipher, settings } = deps;
  const today = () => localDate(clock.now(), settings.timeZone);
  const localDateOf = (d: Date) => localDate(d, settings.timeZone);
  const letterhead = settings.letterhead as LetterheadSettings & { officeName?: string };
  const office = letterhead.officeName ?? letterhead.senderOffice;

  async function step(tx: Tx, actor: Actor, action: string, id: string, details = {}) {
    await audit.record({
      tx,
      actor: actor.id,
      action: `subject_request.${action}`,
      subject: { type: 'subject_request', id },
      details,
    });
  }

  async function present(tx: Db | Tx, id: string) {
    const { found } = await findSubjectRequest({ db: tx, id });
    if (!found) throw new AppError(404, 'resource.not_found');
    return toSubjectRequest(found, today(), await openListingOf(tx, found.request.personId));
  }

  async function lockOpen(tx: Tx, id: string) {
    const { request } = await findSubjectRequestForUpdate({ db: tx, id });
    if (!request) throw new AppError(404, 'resource.not_found');
    if (request.status !== 'open') throw new AppError(409, 'subject_request.already_answered');
    return request;
  }

  async function loadExport(tx: Db | Tx, id: string) {
    const { found } = await findSubjectRequest({ db: tx, id });
    if (!found) throw new AppError(404, 'resource.not_found');
    const personId = found.request.personId;
    const rows = personId ? await loadPersonRows({ db: tx, cipher, personId }) : null;
    if (!rows || !personId) throw new AppError(409, 'subject_request.person_erased');
    const data = accessExport({ rows, request: found.request, generatedOn: today(), office });
    return { data, personId, reference: found.request.reference };
  }

  /** Reads the export and audits it in one transaction. */
  async function exportOf(actor: Actor, id: string, format: 'json' | 'pdf') {
    return db.transaction(async (tx) => {
      const { data, personId, reference } = await loadExport(tx, id);
      await step(tx, actor, 'access_export', id, { format, personId });
      return { data, reference };
    });
  }

  return {
    async record({
      actor,
      input,
    }: {
      actor: Actor;
      input: {
        personId: string;
        kind: SubjectRequestKind;
        receivedOn: string;
        identityCheck: string;
      };
    }) {
      if (input.receivedOn > today()) {
        throw new AppError(400, 'subject_request.received_in_future', { field: 'receivedOn' });
      }
      return db.transaction(async (tx) => {
        const { person } = await findPersonForUpdate({ db: tx, id: input.personId });
        if (!person || person.mergedIntoId) {
          throw new AppError(404, 'person.not_found', { field: 'personId' });
        }
        const year = today().slice(0, 4);
        const number = await nextSubjectRequestNumber({ db: tx, year: Number(year) });
        const now = clock.now();
        const dueOn = dueOnFor(input.receivedOn);
        const { request } = await insertSubjectRequest({
          db: tx,
          values: {
            reference: subjectRequestReference(year, number),
            personId: person.id,
            kind: input.kind,
            receivedOn: input.receivedOn,
            identityCheck: input.identityCheck,
            dueOn,
            recordedBy: actor.id,
            recordedAt: now,
            updatedAt: now,
          },
        });
        await step(tx, actor, 'record', request.id, {
          kind: input.kind,
          personId: person.id,
          reference: request.reference,
          receivedOn: input.receivedOn,
          dueOn,
        });
        return present(tx, request.id);
      });
    },

    async list({ actor, status }: { actor: Actor; status: 'open' | 'answered' | 'all' }) {
      return db.transaction(async (tx) => {
        const { requests } = await listSubjectRequests({ db: tx, status });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'subject_request.list',
          details: { status, count: requests.length },
        });
        const now = today();
        return { requests: requests.map((r) => toSubjectRequest(r, now, null)) };
      });
    },

    async get({ actor, id }: { actor: Actor; id: string }) {
      return db.transaction(async (tx) => {
        const found = await present(tx, id);
        await step(tx, actor, 'view', id);
        return found;
      });
    },

    async extend({
      actor,
      id,
      extendedDueOn,
      reason,
    }: {
      actor: Actor;
      id: string;
      extendedDueOn: string;
      reason: string;
    }) {
      return db.transaction(async (tx) => {
        const request = await lockOpen(tx, id);
        if (request.extendedDueOn) {
          throw new AppError(409, 'subject_request.already_extended', { field: 'extendedDueOn' });
        }
        if (extendedDueOn <= request.dueOn || extendedDueOn > latestExtendedDueOn(request.dueOn)) {
          throw new AppError(400, 'subject_request.extension_too_long', { field: 'extendedDueOn' });
        }
        await updateSubjectRequest({
          db: tx,
          id,
          changes: { extendedDueOn, extensionReason: reason, updatedAt: clock.now() },
        });
        await step(tx, actor, 'extend', id, { dueOn: request.dueOn, extendedDueOn });
        return present(tx, id);
      });
    },

    async answer({
      actor,
      id,
      answer,
    }: {
      actor: Actor;
      id: string;
      answer: {
        decision: 'granted' | 'partly_granted' | 'refused';
        reason: string;
        answeredOn: string;
      };
    }) {
      return db.transaction(async (tx) => {
        const request = await lockOpen(tx, id);
        if (answer.answeredOn < request.receivedOn || answer.answeredOn > today()) {
          throw new AppError(400, 'subject_request.answer_date_invalid', { field: 'answeredOn' });
        }
        await updateSubjectRequest({
          db: tx,
          id,
          changes: {
            status: 'answered',
            decision: answer.decision,
            decisionReason: answer.reason,
            answeredOn: answer.answeredOn,
            decidedBy: actor.id,
            updatedAt: clock.now(),
          },
        });
        await step(tx, actor, 'answer', id, {
          decision: answer.decision,
          answeredOn: answer.answeredOn,
          late: answer.answeredOn > (request.extendedDueOn ?? request.dueOn),
        });
        return present(tx, id);
      });
    },

    accessJson: ({ actor, id }: { actor: Actor; id: string }) => exportOf(actor, id, 'json'),

    /** The PDF; a refusal (unprintable text) is audited as such, not as an export. */
    async accessPdf({ actor, id }: { actor: Actor; id: string }) {
      const { data } = await loadExport(db, id);
      const { document, fields } = accessLetter({
        data,
        settings: letterhead,
        office,
        localDateOf,
      });
      const unprintable = await unprintableAccessFields(fields);
      if (unprintable.length > 0) {
        await db.transaction((tx) =>
          step(tx, actor, 'access_export_refused', id, {
            format: 'pdf',
            fields: unprintable.map((f) => f.field),
          }),
        );
        throw new AppError(422, 'subject_request.export_unprintable', {
          errors: accessFieldErrors(unprintable),
        });
      }
      const pdf = await renderLetterPdf(document);
      const { reference } = await exportOf(actor, id, 'pdf');
      return { pdf, reference };
    },

    ...erasureSteps({ ...deps, today, step, present, lockOpen }),
  };
}
