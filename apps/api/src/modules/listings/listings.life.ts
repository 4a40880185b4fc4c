import type {
  CurrentUser,
  Listing,
  ListingExtensionProposal,
  ListingRestriction,
  ListingsDue,
} from '@zemag/contracts';
import { ListingRestriction as ListingRestrictionSchema } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { addMonths } from '../../local-date.js';
import type { AuditService } from '../audit/audit.service.js';
import { insertLedgerEntries } from '../deletion/ledger.repository.js';
import { toListingSummary } from './listings.mapping.js';
import {
  findListingForUpdate,
  listDueListings,
  listHeldBackLettersDue,
  listOverdueRestrictions,
  updateListing,
  type ListingRow,
} from './listings.repository.js';
import { addDays, EXTENSION_CLOSED_REASON, MAX_VALIDITY_MONTHS } from './listings.rules.js';

type Actor = Pick<CurrentUser, 'id'>;

/** What the life cycle borrows from the listings service (same transaction, same rules). */
export interface ListingLifeDeps {
  db: Db;
  audit: AuditService;
  clock: Clock;
  reviewWindowDays: number;
  today(): string;
  present(tx: Tx, actor: Actor, id: string): Promise<Listing>;
  refuseOwnGrounds(tx: Tx, actor: Actor, id: string): Promise<void>;
  history(
    tx: Tx,
    actor: Actor,
    id: string,
    action: string,
    reason: string | null,
    changes: Record<string, unknown>,
  ): Promise<void>;
}

const NO_EXTENSION = {
  extensionValidUntil: null,
  extensionReason: null,
  extensionProposedBy: null,
  extensionProposedAt: null,
};

/**
 * A listing's life after its proposal: decline, end early, extend (proposed by one registrar,
 * confirmed by another), restrict while disputed and lift, and the review queue. Each change
 * locks the row, checks the state, refuses listings resting on the actor's own report, and
 * writes the history row and the audit event in the same transaction.
 */
export function createListingLifeCycle(deps: ListingLifeDeps) {
  const { db, audit, clock, today } = deps;

  /** Locks the listing, checks its state and the own-report rule, then runs `change`. */
  function change(
    actor: Actor,
    id: string,
    statuses: readonly string[],
    run: (tx: Tx, listing: ListingRow, now: Date) => Promise<void>,
  ): Promise<Listing> {
    return db.transaction(async (tx) => {
      const { listing } = await findListingForUpdate({ db: tx, id });
      if (!listing) throw new AppError(404, 'resource.not_found');
      if (!statuses.includes(listing.status)) throw new AppError(409, 'listing.wrong_status');
      await deps.refuseOwnGrounds(tx, actor, id);
      await run(tx, listing, clock.now());
      return deps.present(tx, actor, id);
    });
  }

  return {
    /** A proposal is declined with a reason: it never becomes active. */
    decline: ({ actor, id, reason }: { actor: Actor; id: string; reason: string }) =>
      change(actor, id, ['proposed'], async (tx, _listing, now) => {
        await updateListing({
          db: tx,
          id,
          changes: { status: 'declined', closedAt: now, updatedAt: now },
        });
        await deps.history(tx, actor, id, 'decline', reason, { status: 'declined' });
      }),

    /**
     * An active listing ends before its valid-until date, with a reason; a pending extension
     * proposal is closed with it.
     */
    end: ({ actor, id, reason }: { actor: Actor; id: string; reason: string }) =>
      change(actor, id, ['active'], async (tx, listing, now) => {
        await updateListing({
          db: tx,
          id,
          changes: {
            status: 'ended',
            endedAt: now,
            closedAt: now,
            ...NO_EXTENSION,
            updatedAt: now,
          },
        });
        await deps.history(tx, actor, id, 'end', reason, { status: 'ended' });
        if (listing.extensionValidUntil) {
          await deps.history(tx, actor, id, 'extension_withdrawn', EXTENSION_CLOSED_REASON.ended, {
            validUntil: listing.extensionValidUntil,
          });
        }
      }),

    /** Proposes a later valid-until date; one proposal at a time. */
    proposeExtension: ({
      actor,
      id,
      extension,
    }: {
      actor: Actor;
      id: string;
      extension: ListingExtensionProposal;
    }) =>
      change(actor, id, ['active'], async (tx, listing, now) => {
        if (listing.extensionValidUntil) throw new AppError(409, 'listing.extension_pending');
        if (extension.validUntil <= listing.validUntil) {
          throw new AppError(400, 'listing.extension_not_later', { field: 'validUntil' });
        }
        if (extension.validUntil > addMonths(today(), MAX_VALIDITY_MONTHS)) {
          throw new AppError(400, 'listing.extension_too_long', { field: 'validUntil' });
        }
        await updateListing({
          db: tx,
          id,
          changes: {
            extensionValidUntil: extension.validUntil,
            extensionReason: extension.reason,
            extensionProposedBy: actor.id,
            extensionProposedAt: now,
            updatedAt: now,
          },
        });
        await deps.history(tx, actor, id, 'extension_proposed', extension.reason, {
          validUntil: extension.validUntil,
        });
      }),

    /** Four-eyes: a registrar other than the one who proposed the extension confirms it. */
    confirmExtension: ({ actor, id }: { actor: Actor; id: string }) =>
      change(actor, id, ['active'], async (tx, listing, now) => {
        const validUntil = listing.extensionValidUntil;
        if (!validUntil) throw new AppError(409, 'listing.extension_missing');
        if (listing.extensionProposedBy === actor.id) {
          throw new AppError(403, 'listing.same_registrar');
        }
        if (validUntil > addMonths(today(), MAX_VALIDITY_MONTHS)) {
          throw new AppError(400, 'listing.extension_too_long', { field: 'validUntil' });
        }
        await updateListing({
          db: tx,
          id,
          changes: { validUntil, ...NO_EXTENSION, updatedAt: now },
        });
        await deps.history(tx, actor, id, 'extension_confirmed', null, {
          validUntil,
          previousValidUntil: listing.validUntil,
        });
      }),

    /** The proposer withdraws the extension, or another registrar turns it down. */
    withdrawExtension: ({ actor, id, reason }: { actor: Actor; id: string; reason: string }) =>
      change(actor, id, ['active'], async (tx, listing, now) => {
        if (!listing.extensionValidUntil) throw new AppError(409, 'listing.extension_missing');
        await updateListing({ db: tx, id, changes: { ...NO_EXTENSION, updatedAt: now } });
        await deps.history(tx, actor, id, 'extension_withdrawn', reason, {
          validUntil: listing.extensionValidUntil,
        });
      }),

    /**
     * Restricts an active listing while a dispute is decided (Art. 18 GDPR): field look-ups no
     * longer show it and no letter is produced. Recorded in the deletion ledger's outbox, so a
     * restored backup restricts it again.
     */
    restrict: ({
      actor,
      id,
      restriction: input,
    }: {
      actor: Actor;
      id: string;
      restriction: ListingRestriction;
    }) => {
      const restriction = ListingRestrictionSchema.parse(input);
      return change(actor, id, ['active'], async (tx, listing, now) => {
        if (listing.restricted) throw new AppError(409, 'listing.wrong_status');
        if (restriction.until <= today() || restriction.until > listing.validUntil) {
          throw new AppError(400, 'listing.restriction_until_invalid', { field: 'until' });
        }
        await updateListing({
          db: tx,
          id,
          changes: { restricted: true, restrictedUntil: restriction.until, updatedAt: now },
        });
        const rule = restriction.onRequest ? 'request.restriction' : 'registrar';
        await insertLedgerEntries({
          tx,
          entries: [
            {
              kind: 'restriction_set',
              subjectId: id,
              rule,
              facts: { until: restriction.until },
              at: now,
            },
          ],
        });
        await deps.history(tx, actor, id, 'restrict', restriction.reason, {
          restricted: true,
          until: restriction.until,
          onRequest: restriction.onRequest,
        });
      });
    },

    /** Lifts a restriction with a reason (the dispute is decided). */
    liftRestriction: ({ actor, id, reason }: { actor: Actor; id: string; reason: string }) =>
      change(actor, id, ['active', 'expired', 'ended'], async (tx, listing, now) => {
        if (!listing.restricted) throw new AppError(409, 'listing.wrong_status');
        await updateListing({
          db: tx,
          id,
          changes: { restricted: false, restrictedUntil: null, updatedAt: now },
        });
        await insertLedgerEntries({
          tx,
          entries: [{ kind: 'restriction_lifted', subjectId: id, rule: 'registrar', at: now }],
        });
        await deps.history(tx, actor, id, 'lift_restriction', reason, { restricted: false });
      }),

    /**
     * The review queue: active listings whose valid-until date lies within `withinDays` (the
     * configured window by default), the earliest first; held-back letters whose review date
     * has come; restrictions whose decide-by date has passed. Audited as a list read.
     */
    async due({
      actor,
      withinDays = deps.reviewWindowDays,
    }: {
      actor: Actor;
      withinDays?: number;
    }): Promise<ListingsDue> {
      return db.transaction(async (tx) => {
        const until = addDays(today(), withinDays);
        const { rows } = await listDueListings({ db: tx, until });
        const letters = await listHeldBackLettersDue({ db: tx, today: today() });
        const restrictions = await listOverdueRestrictions({ db: tx, today: today() });
        await audit.record({
          tx,
          actor: actor.id,
          action: 'listing.list',
          details: {
            due: { withinDays, until },
            ids: rows.map((r) => r.listing.id),
            heldBackLetterIds: letters.rows.map((r) => r.listing.id),
            overdueRestrictionIds: restrictions.rows.map((r) => r.listing.id),
          },
        });
        return {
          withinDays,
          listings: rows.map(toListingSummary),
          heldBackLetters: letters.rows.map(toListingSummary),
          restrictionsOverdue: restrictions.rows.map(toListingSummary),
        };
      });
    },
  };
}
