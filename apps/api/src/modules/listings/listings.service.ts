import type {
  CurrentUser,
  IncidentCategory,
  Listing,
  ListingProposal,
  NotificationRecord,
  Precaution,
} from '@zemag/contracts';
import { ListingProposal as ListingProposalSchema } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { addMonths, localDate } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { listIncidentsOfPerson } from '../incidents/incidents.repository.js';
import { findPersonForUpdate } from '../persons/persons.repository.js';
import { listingActions, toListing, toListingSummary } from './listings.mapping.js';
import { refuseOwnReport } from '../incidents/incidents.policy.js';
import {
  findListing,
  findListingForUpdate,
  hasOpenListing,
  listGroundReporters,
  insertHistory,
  insertListing,
  listListings,
  updateListing,
} from './listings.repository.js';
import { listingDefaults, MAX_VALIDITY_MONTHS, missingListingCondition } from './listings.rules.js';
import { createListingLifeCycle } from './listings.life.js';
import { letterInput } from './listings.letter.js';
import { listAuthorisedDepartmentNames } from '../departments/departments.repository.js';
import {
  LetterUnprintableError,
  type LetterheadSettings,
  type NotificationLetterInput,
} from '../letters/notification-letter.js';
import { unprintableFieldErrors } from '../letters/letter.refusal.js';
import { findPersons } from '../persons/persons.repository.js';
import { precautionTexts } from './listings.mapping.js';

type Actor = Pick<CurrentUser, 'id'>;
export type ListingsService = ReturnType<typeof createListingsService>;

export interface ListingSettings {
  timeZone: string;
  /** Default validity: months after the latest incident. */
  validityMonths: number;
  /** Days before valid-until from which a listing is due for review (default 30). */
  reviewWindowDays?: number;
  precautions: readonly Precaution[];
  letterhead: LetterheadSettings;
}

/**
 * Listings: proposed by one registrar on confirmed grounds, activated by another, every change
 * with its history (who, when, what, why) and an audit event in the same transaction. Nobody
 * proposes, activates or notifies on a listing resting on a report they made (the own-report
 * rule); `legacyImport`: the legacy import's operator stands in as reporter of its records.
 */
export function createListingsService({
  db,
  audit,
  clock,
  cipher,
  settings,
  renderLetter,
  legacyImport = false,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  cipher: FieldCipher;
  settings: ListingSettings;
  renderLetter(input: NotificationLetterInput): Promise<Uint8Array>;
  legacyImport?: boolean;
}) {
  const today = () => localDate(clock.now(), settings.timeZone);

  function refuseOwn(actor: Actor, reports: Iterable<{ reporterId: string }>) {
    if (!legacyImport) refuseOwnReport(actor, reports);
  }

  /** Refuses an action on a listing that rests on one of the actor's own reports. */
  async function refuseOwnGrounds(tx: Db | Tx, actor: Actor, listingId: string) {
    refuseOwn(actor, (await listGroundReporters({ db: tx, listingId })).reports);
  }

  async function present(tx: Db | Tx, actor: Actor, id: string): Promise<Listing> {
    const { found } = await findListing({ db: tx, id });
    if (!found) throw new AppError(404, 'resource.not_found');
    const { reports } = await listGroundReporters({ db: tx, listingId: id });
    const own = !legacyImport && reports.some((r) => r.reporterId === actor.id);
    return toListing(found, {
      catalogue: settings.precautions,
      actions: listingActions(actor.id, found.listing, own),
      today: today(),
    });
  }

  async function history(
    tx: Tx,
    actor: Actor,
    listingId: string,
    action: string,
    reason: string | null,
    changes: Record<string, unknown>,
  ) {
    await insertHistory({
      db: tx,
      entry: { listingId, action, actorId: actor.id, reason, changes, at: clock.now() },
    });
    await audit.record({
      tx,
      actor: actor.id,
      action: `listing.${action}`,
      subject: { type: 'listing', id: listingId },
      purpose: reason,
      details: changes,
    });
  }

  const lifeCycle = createListingLifeCycle({
    db,
    audit,
    clock,
    reviewWindowDays: settings.reviewWindowDays ?? 30,
    today,
    present,
    refuseOwnGrounds,
    history,
  });

  return {
    ...lifeCycle,
    catalogue: settings.precautions,

    async propose({
      actor,
      proposal: input,
    }: {
      actor: Actor;
      proposal: ListingProposal;
    }): Promise<Listing> {
      const proposal = ListingProposalSchema.parse(input);
      const known = new Set(settings.precautions.map((p) => p.code));
      proposal.precautions.forEach((code, index) => {
        if (!known.has(code)) {
          throw new AppError(400, 'listing.precaution_unknown', { field: `precautions.${index}` });
        }
      });
      return db.transaction(async (tx) => {
        const { person } = await findPersonForUpdate({ db: tx, id: proposal.personId });
        if (!person || person.mergedIntoId) {
          throw new AppError(404, 'person.not_found', { field: 'personId' });
        }
        if (await hasOpenListing({ db: tx, personId: person.id })) {
          throw new AppError(409, 'listing.already_listed', { field: 'personId' });
        }
        const { incidents } = await listIncidentsOfPerson({ db: tx, personId: person.id });
        const ids = [...new Set(proposal.incidentIds)];
        const missing = missingListingCondition(ids, incidents);
        if (missing) throw new AppError(422, missing, { field: 'incidentIds' });
        const grounds = incidents.filter((i) => ids.includes(i.id));
        refuseOwn(actor, grounds);
        const defaults = listingDefaults(grounds);
        const validUntil =
          proposal.validUntil ??
          addMonths(localDate(defaults.latest, settings.timeZone), settings.validityMonths);
        if (validUntil <= today() || validUntil > addMonths(today(), MAX_VALIDITY_MONTHS)) {
          throw new AppError(400, 'listing.valid_until_invalid', { field: 'validUntil' });
        }
        const now = clock.now();
        const values = {
          level: proposal.level ?? defaults.level,
          categories: (proposal.categories ?? defaults.categories) as IncidentCategory[],
          precautions: proposal.precautions,
          precautionsText: proposal.precautionsText,
          validUntil,
        };
        const { listing } = await insertListing({
          db: tx,
          incidentIds: ids,
          listing: {
            personId: person.id,
            status: 'proposed',
            ...values,
            proposedBy: actor.id,
            proposedAt: now,
            updatedAt: now,
          },
        });
        await history(tx, actor, listing.id, 'propose', proposal.reason, {
          ...values,
          incidentIds: ids,
        });
        return present(tx, actor, listing.id);
      });
    },

    /** Four-eyes: a registrar other than the proposer activates, after re-checking the grounds. */
    async activate({
      actor,
      id,
      reason,
    }: {
      actor: Actor;
      id: string;
      reason: string | null;
    }): Promise<Listing> {
      return db.transaction(async (tx) => {
        const { listing } = await findListingForUpdate({ db: tx, id });
        if (!listing) throw new AppError(404, 'resource.not_found');
        if (listing.status !== 'proposed') throw new AppError(409, 'listing.wrong_status');
        if (listing.proposedBy === actor.id) throw new AppError(403, 'listing.same_registrar');
        await refuseOwnGrounds(tx, actor, id);
        const { found } = await findListing({ db: tx, id });
        const { incidents } = await listIncidentsOfPerson({ db: tx, personId: listing.personId });
        const missing = missingListingCondition(
          found!.grounds.map((g) => g.id),
          incidents,
        );
        if (missing) throw new AppError(422, missing);
        if (listing.validUntil <= today()) {
          throw new AppError(400, 'listing.valid_until_invalid', { field: 'validUntil' });
        }
        const now = clock.now();
        await updateListing({
          db: tx,
          id,
          changes: { status: 'active', activatedBy: actor.id, activatedAt: now, updatedAt: now },
        });
        await history(tx, actor, id, 'activate', reason, { status: 'active' });
        return present(tx, actor, id);
      });
    },

    async get({ actor, id }: { actor: Actor; id: string }): Promise<Listing> {
      return db.transaction(async (tx) => {
        const listing = await present(tx, actor, id);
        await audit.record({
          tx,
          actor: actor.id,
          action: 'listing.read',
          subject: { type: 'listing', id },
        });
        return listing;
      });
    },

    async list({ actor, statuses }: { actor: Actor; statuses: Listing['status'][] }) {
      return db.transaction(async (tx) => {
        const { rows } = await listListings({ db: tx, statuses });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'listing.list',
          details: { statuses, ids: rows.map((r) => r.listing.id) },
        });
        return { listings: rows.map(toListingSummary) };
      });
    },

    /**
     * The Art. 14 GDPR letter for an active listing, as PDF. Producing it is audited; the
     * registrar then records it as sent or held back. A letter that would not print some
     * characters (of the name, the address, …) is refused with the fields named: the refusal
     * is audited, no letter is produced.
     */
    async letter({
      actor,
      id,
    }: {
      actor: Pick<CurrentUser, 'id' | 'displayName'>;
      id: string;
    }): Promise<{ pdf: Uint8Array; reference: string }> {
      const result = await db.transaction(async (tx) => {
        const { found } = await findListing({ db: tx, id });
        if (!found) throw new AppError(404, 'resource.not_found');
        if (found.listing.status !== 'active') throw new AppError(409, 'listing.wrong_status');
        // No letter while a dispute is decided: the restriction is lifted first.
        if (found.listing.restricted) throw new AppError(409, 'listing.restricted');
        // The letter goes to the listed person; the office signs it, not the registrar.
        await refuseOwnGrounds(tx, actor, id);
        const { records } = await findPersons({ db: tx, cipher, ids: [found.listing.personId] });
        const { names } = await listAuthorisedDepartmentNames({ db: tx });
        const letter = letterInput({
          found,
          person: records[0]!,
          precautions: [
            ...precautionTexts(found.listing.precautions, settings.precautions).map((p) => p.de),
            ...(found.listing.precautionsText ? [found.listing.precautionsText] : []),
          ],
          settings: {
            ...settings.letterhead,
            departments: names.length > 0 ? names : settings.letterhead.departments,
          },
          today: today(),
          localDateOf: (instant) => localDate(instant, settings.timeZone),
        });
        const reference = letter.listing.reference;
        try {
          const pdf = await renderLetter(letter);
          await audit.record({
            tx,
            actor: actor.id,
            action: 'listing.letter',
            subject: { type: 'listing', id },
            details: { reference },
          });
          return { pdf, reference, refused: null };
        } catch (error) {
          if (!(error instanceof LetterUnprintableError)) throw error;
          await audit.record({
            tx,
            actor: actor.id,
            action: 'listing.letter_refused',
            subject: { type: 'listing', id },
            details: { reference, fields: error.fields.map((f) => f.field) },
          });
          return { pdf: null, reference, refused: error };
        }
      });
      if (result.refused) {
        const code = 'listing.letter_unprintable';
        throw new AppError(422, code, {
          errors: unprintableFieldErrors(result.refused.fields, code),
        });
      }
      return { pdf: result.pdf!, reference: result.reference };
    },

    /** The letter was sent on a date, or is held back with a reason and a review date. */
    async recordNotification({
      actor,
      id,
      record,
    }: {
      actor: Actor;
      id: string;
      record: NotificationRecord;
    }): Promise<Listing> {
      return db.transaction(async (tx) => {
        const { listing } = await findListingForUpdate({ db: tx, id });
        if (!listing) throw new AppError(404, 'resource.not_found');
        if (listing.status !== 'active') throw new AppError(409, 'listing.wrong_status');
        await refuseOwnGrounds(tx, actor, id);
        const now = clock.now();
        if (record.state === 'sent') {
          if (record.sentOn > today()) {
            throw new AppError(400, 'listing.notification_date_invalid', { field: 'sentOn' });
          }
          await updateListing({
            db: tx,
            id,
            changes: {
              notificationState: 'sent',
              notificationSentOn: record.sentOn,
              notificationHoldReason: null,
              notificationReviewOn: null,
              updatedAt: now,
            },
          });
          await history(tx, actor, id, 'notification_sent', null, { sentOn: record.sentOn });
        } else {
          if (record.reviewOn <= today()) {
            throw new AppError(400, 'listing.notification_date_invalid', { field: 'reviewOn' });
          }
          await updateListing({
            db: tx,
            id,
            changes: {
              notificationState: 'held_back',
              notificationHoldReason: record.reason,
              notificationReviewOn: record.reviewOn,
              updatedAt: now,
            },
          });
          await history(tx, actor, id, 'notification_held_back', record.reason, {
            reviewOn: record.reviewOn,
          });
        }
        return present(tx, actor, id);
      });
    },
  };
}
