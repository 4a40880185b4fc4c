import type { Incident, IncidentStatus, PostalAddress } from '@zemag/contracts';
import type { IncidentCorrectionRequest } from '@zemag/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { definedOnly, diffFields } from '../corrections/corrections.diff.js';
import { correctionHistory } from '../corrections/corrections.mapping.js';
import {
  type CorrectionArgs,
  recordCorrection,
  refuseNothingToChange,
} from '../corrections/corrections.record.js';
import { missingListingCondition } from '../listings/listings.rules.js';
import { factColumns, placeOf, toIncident } from './incidents.mapping.js';
import { incidentActions, refuseOwnReport } from './incidents.policy.js';
import {
  listOpenListingsOnIncident,
  updateInvolvedReported,
} from './incidents.correction.repository.js';
import {
  findIncident,
  findIncidentForUpdate,
  updateIncident,
  type IncidentRow,
} from './incidents.repository.js';

type Correction = z.output<typeof IncidentCorrectionRequest>;
type Found = NonNullable<Awaited<ReturnType<typeof findIncident>>['found']>;

/** Phones' clocks drift: the same tolerance as for a report. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The correctable facts of a stored report, in the shape of the request. */
function factsOf(found: Found) {
  const i = found.incident;
  return {
    occurredAt: i.occurredAt.toISOString(),
    place: placeOf(i),
    description: i.description,
    categories: i.categories,
    level: i.level,
    injuries: i.injuries,
    policeInvolved: i.policeInvolved,
    criminalComplaint: { status: i.complaintStatus, fileNumber: i.complaintFileNumber },
  };
}

function reportedOf(p: Found['persons'][number]) {
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    dateOfBirth: p.dateOfBirth,
    address: (p.address as PostalAddress | null) ?? null,
    description: p.description,
  };
}

/** 400 naming the person's family name: a person involved keeps a name or a description. */
function nameOrDescriptionRequired(index: number): AppError {
  const field = `changes.persons.${index}.familyName`;
  return new AppError(400, 'request.invalid', {
    errors: [
      {
        field,
        code: 'invalid',
        message: {
          de: `Feld „${field}“: Eine beteiligte Person braucht einen Familiennamen oder eine Beschreibung.`,
          en: `Field '${field}': a person involved needs a family name or a description.`,
        },
      },
    ],
  });
}

/** The field of the correction that takes away the ground of a listing. */
const BREAKING_FIELD: Record<string, string> = {
  'listing.level_too_low': 'changes.level',
  'listing.no_criminal_complaint': 'changes.criminalComplaint.status',
};

/**
 * Corrects a report (Art. 16 GDPR) as a registrar — never one's own report. Only the fields
 * sent change; a person involved is named by its id and keeps its link to a person record.
 * Refused when nothing changes (400), when the report changed since it was read (409
 * `correction.stale`), and when a proposed or active listing would lose its ground (409
 * `incident.correction_breaks_listing`: end the listing first).
 */
export async function correctIncident(args: CorrectionArgs<Correction>): Promise<Incident> {
  const { db, audit, clock, cipher, actor, id, request } = args;
  const asked = request.changes;
  refuseNothingToChange(asked);
  if (asked.occurredAt && Date.parse(asked.occurredAt) > clock.now().getTime() + CLOCK_SKEW_MS) {
    throw new AppError(400, 'incident.in_future', { field: 'changes.occurredAt' });
  }
  return db.transaction(async (tx) => {
    const { incident } = await findIncidentForUpdate({ db: tx, id });
    if (!incident) throw new AppError(404, 'resource.not_found', { field: 'id' });
    refuseOwnReport(actor, [incident]);
    if (incident.version !== request.expectedVersion) {
      throw new AppError(409, 'correction.stale', { field: 'expectedVersion' });
    }
    const { found } = await findIncident({ db: tx, cipher, id });
    const facts = factsOf(found!);
    const { persons, ...factChanges } = asked;
    const changes = diffFields(facts, {
      ...factChanges,
      occurredAt: factChanges.occurredAt && new Date(factChanges.occurredAt).toISOString(),
    });
    const involvedChanges: { involvedId: string; to: ReturnType<typeof reportedOf> }[] = [];
    for (const [index, corrected] of (persons ?? []).entries()) {
      const row = found!.persons.find((p) => p.id === corrected.id);
      if (!row) {
        throw new AppError(404, 'resource.not_found', { field: `changes.persons.${index}.id` });
      }
      const { id: involvedId, ...asked } = corrected;
      const before = reportedOf(row);
      const to = { ...before, ...definedOnly(asked) };
      if (!to.familyName && !to.description) throw nameOrDescriptionRequired(index);
      const field = diffFields(
        { [`persons.${row.position}`]: before },
        { [`persons.${row.position}`]: to },
      );
      Object.assign(changes, field);
      if (Object.keys(field).length > 0) involvedChanges.push({ involvedId, to });
    }
    refuseNothingToChange(changes);
    const after = {
      ...facts,
      ...Object.fromEntries(
        Object.entries(changes)
          .filter(([field]) => !field.startsWith('persons.'))
          .map(([field, change]) => [field, change.to]),
      ),
    } as typeof facts;
    await refuseBrokenListings(tx, incident, after);
    const now = clock.now();
    await updateIncident({
      db: tx,
      cipher,
      id,
      changes: { ...factColumns(after), updatedAt: now },
    });
    for (const { involvedId, to } of involvedChanges) {
      await updateInvolvedReported({ db: tx, cipher, involvedId, reported: to });
    }
    await recordCorrection({
      tx,
      audit,
      cipher,
      actorId: actor.id,
      subject: { type: 'incident', id },
      reason: request.reason,
      changes,
      at: now,
      details: { reference: incident.reference },
    });
    const reloaded = (await findIncident({ db: tx, cipher, id })).found!;
    const presented = toIncident(reloaded, {
      actions: incidentActions(actor, {
        reporterId: reloaded.incident.reporterId,
        status: reloaded.incident.status as IncidentStatus,
        quick: reloaded.incident.quick,
      }),
      showPersonLinks: actor.abilities.includes('incident.review'),
    });
    return { ...presented, corrections: await correctionHistory(tx, cipher, { incidentId: id }) };
  });
}

/** 409 when a proposed or active listing resting on the report would lose its ground. */
async function refuseBrokenListings(
  tx: Tx,
  incident: IncidentRow,
  after: { level: number | null; criminalComplaint: { status: string } },
) {
  const { listings } = await listOpenListingsOnIncident({ db: tx, incidentId: incident.id });
  for (const listing of listings) {
    const grounds = listing.grounds.map((g) =>
      g.id === incident.id
        ? { ...g, level: after.level, complaintStatus: after.criminalComplaint.status }
        : g,
    );
    const missing = missingListingCondition(
      grounds.map((g) => g.id),
      grounds,
    );
    if (missing) {
      throw new AppError(409, 'incident.correction_breaks_listing', {
        field: BREAKING_FIELD[missing] ?? 'changes',
      });
    }
  }
}
