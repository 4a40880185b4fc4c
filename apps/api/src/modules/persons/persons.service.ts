import type {
  CurrentUser,
  IncidentList,
  LinkPersonRequest,
  Person,
  PersonCandidate,
} from '@zemag/contracts';
import { PersonInput } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import {
  findIncidentForUpdate,
  findInvolvedPerson,
  linkInvolvedPerson,
  listIncidentsOfPerson,
  listSummariesOfPerson,
  relinkPersons,
} from '../incidents/incidents.repository.js';
import { refuseOwnReport } from '../incidents/incidents.policy.js';
import { toSummary } from '../incidents/incidents.mapping.js';
import { hasOpenListing, moveListings } from '../listings/listings.repository.js';
import { correctionHistory } from '../corrections/corrections.mapping.js';
import { refreshSearchKeys } from '../lookup/lookup.service.js';
import { toPerson } from './persons.mapping.js';
import { rankDuplicates, similarPersonKeys } from './persons.similar.js';
import {
  findPersonForUpdate,
  findPersons,
  findSimilarPersons,
  insertAddress,
  insertName,
  insertPerson,
  moveNamesAndAddresses,
  updatePerson,
} from './persons.repository.js';

type Actor = Pick<CurrentUser, 'id'>;
export type PersonsService = ReturnType<typeof createPersonsService>;

/**
 * Person records: created and linked from reports by registrars, merged when they are one.
 * `legacyImport`: the services the legacy import runs on its own records, whose operator
 * stands in as their reporter (audited as `incident.import_legacy`); only there does the
 * own-report rule not apply.
 */
export function createPersonsService({
  db,
  audit,
  clock,
  cipher,
  legacyImport = false,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  cipher: FieldCipher;
  legacyImport?: boolean;
}) {
  function refuseOwn(actor: Actor, reports: Iterable<{ reporterId: string }>) {
    if (!legacyImport) refuseOwnReport(actor, reports);
  }

  async function load(tx: Db | Tx, id: string): Promise<Person> {
    const { records } = await findPersons({ db: tx, cipher, ids: [id] });
    if (!records[0]) throw new AppError(404, 'person.not_found');
    return toPerson(records[0]);
  }

  async function involvedOf(tx: Tx, actor: Actor, incidentId: string, involvedId: string) {
    const { incident } = await findIncidentForUpdate({ db: tx, id: incidentId });
    if (!incident) throw new AppError(404, 'resource.not_found');
    refuseOwn(actor, [incident]);
    if (incident.status === 'rejected') throw new AppError(409, 'incident.wrong_status');
    const { involved } = await findInvolvedPerson({ db: tx, incidentId, involvedId });
    if (!involved) throw new AppError(404, 'resource.not_found');
    return { incident, involved };
  }

  return {
    async get({ actor, id }: { actor: Actor; id: string }): Promise<Person> {
      return db.transaction(async (tx) => {
        const person = await load(tx, id);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'person.read',
          subject: { type: 'person', id },
        });
        return { ...person, corrections: await correctionHistory(tx, cipher, { personId: id }) };
      });
    },

    /** The reports linked to a person (the grounds a registrar may propose a listing on). */
    async incidents({ actor, id }: { actor: Actor; id: string }): Promise<IncidentList> {
      return db.transaction(async (tx) => {
        await load(tx, id);
        const { rows } = await listSummariesOfPerson({ db: tx, personId: id });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'person.incidents_read',
          subject: { type: 'person', id },
          details: { ids: rows.map((r) => r.incident.id) },
        });
        return { incidents: rows.map(toSummary) };
      });
    },

    /** Records that may be the person reported in an incident (audited with the ids shown). */
    async suggestions({
      actor,
      incidentId,
      involvedId,
    }: {
      actor: Actor;
      incidentId: string;
      involvedId: string;
    }): Promise<{ candidates: PersonCandidate[] }> {
      return db.transaction(async (tx) => {
        const { involved } = await involvedOf(tx, actor, incidentId, involvedId);
        if (!involved.familyName) return { candidates: [] };
        const reported = {
          familyName: involved.familyName,
          givenNames: involved.givenNames,
          dateOfBirth: involved.dateOfBirth,
        };
        const { ids } = await findSimilarPersons({ db: tx, ...similarPersonKeys(reported) });
        const { records } = await findPersons({ db: tx, cipher, ids });
        const candidates = rankDuplicates(reported, records.map(toPerson)).slice(0, 10);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'person.suggest',
          subject: { type: 'incident', id: incidentId },
          details: { ids: candidates.map((c) => c.person.id) },
        });
        return { candidates };
      });
    },

    /** Links a reported person to a record, or creates the record from what was reported. */
    async link({
      actor,
      incidentId,
      involvedId,
      request,
    }: {
      actor: Actor;
      incidentId: string;
      involvedId: string;
      request: LinkPersonRequest;
    }): Promise<Person> {
      return db.transaction(async (tx) => {
        await involvedOf(tx, actor, incidentId, involvedId);
        let personId: string;
        if ('personId' in request) {
          const { person } = await findPersonForUpdate({ db: tx, id: request.personId });
          if (!person) throw new AppError(404, 'person.not_found', { field: 'personId' });
          personId = person.mergedIntoId ?? person.id;
        } else {
          const input = PersonInput.parse(request.create);
          const now = clock.now();
          const { person } = await insertPerson({
            db: tx,
            cipher,
            person: {
              familyName: input.familyName,
              givenNames: input.givenNames,
              dateOfBirth: input.dateOfBirth,
              notes: input.notes,
              createdBy: actor.id,
              createdAt: now,
              updatedAt: now,
            },
          });
          if (input.address) {
            await insertAddress({ db: tx, address: { personId: person.id, ...input.address } });
          }
          personId = person.id;
          await refreshSearchKeys({ db: tx, personIds: [personId] });
          await audit.record({
            tx,
            actor: actor.id,
            action: 'person.create',
            subject: { type: 'person', id: personId },
            details: { fromIncident: incidentId },
          });
        }
        await linkInvolvedPerson({ db: tx, involvedId, personId });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'incident.link_person',
          subject: { type: 'incident', id: incidentId },
          details: { involvedId, personId },
        });
        return load(tx, personId);
      });
    },

    /**
     * Merges `mergeId` into `keepId`: names, addresses, report links and listings move; the
     * merged record stays as a pointer, so history and audit references still resolve.
     */
    async merge({
      actor,
      keepId,
      mergeId,
      reason,
    }: {
      actor: Actor;
      keepId: string;
      mergeId: string;
      reason: string;
    }): Promise<Person> {
      if (keepId === mergeId) throw new AppError(400, 'person.merge_same', { field: 'mergeId' });
      return db.transaction(async (tx) => {
        const keep = (await findPersonForUpdate({ db: tx, id: keepId })).person;
        const gone = (await findPersonForUpdate({ db: tx, id: mergeId })).person;
        if (!keep || keep.mergedIntoId) throw new AppError(404, 'person.not_found');
        if (!gone || gone.mergedIntoId) {
          throw new AppError(404, 'person.not_found', { field: 'mergeId' });
        }
        // Merging moves the report links: on a record one's own report is linked to, it would
        // re-link that report's person.
        for (const personId of [keepId, mergeId]) {
          refuseOwn(actor, (await listIncidentsOfPerson({ db: tx, personId })).incidents);
        }
        if (
          (await hasOpenListing({ db: tx, personId: mergeId })) &&
          (await hasOpenListing({ db: tx, personId: keepId }))
        ) {
          throw new AppError(409, 'listing.already_listed', { field: 'mergeId' });
        }
        await moveNamesAndAddresses({ db: tx, fromId: mergeId, toId: keepId });
        const sameName =
          gone.familyName.toLowerCase() === keep.familyName.toLowerCase() &&
          (gone.givenNames ?? '').toLowerCase() === (keep.givenNames ?? '').toLowerCase();
        if (!sameName) {
          await insertName({
            db: tx,
            name: {
              personId: keepId,
              kind: 'alias',
              familyName: gone.familyName,
              givenNames: gone.givenNames,
            },
          });
        }
        await relinkPersons({ db: tx, fromPersonId: mergeId, toPersonId: keepId });
        await moveListings({ db: tx, fromPersonId: mergeId, toPersonId: keepId });
        const now = clock.now();
        await updatePerson({
          db: tx,
          id: keepId,
          changes: {
            dateOfBirth: keep.dateOfBirth ?? gone.dateOfBirth,
            updatedAt: now,
          },
        });
        await updatePerson({
          db: tx,
          id: mergeId,
          changes: { mergedIntoId: keepId, updatedAt: now },
        });
        await refreshSearchKeys({ db: tx, personIds: [keepId, mergeId] });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'person.merge',
          subject: { type: 'person', id: keepId },
          purpose: reason,
          details: { mergedId: mergeId },
        });
        return load(tx, keepId);
      });
    },
  };
}
