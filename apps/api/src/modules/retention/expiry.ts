import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import { EXTENSION_CLOSED_REASON } from '../listings/listings.rules.js';
import { expiryDate } from './retention.rules.js';
import { countListingsToExpire, expireListings } from './retention.repository.js';

const BATCH = 500;

/**
 * Sets active listings whose valid-until date is over (city time zone; a listing is valid
 * through its last day) to `expired`, with their closing time, a history row by the system
 * (actor null, action `expire`) and an audit event `listing.expired` each, 500 per transaction.
 * A pending extension proposal is closed with it (`extension_withdrawn`, reason
 * `EXTENSION_CLOSED_REASON.expired`): a confirmation can no longer revive an expired listing.
 * Field look-ups show only active listings, so field staff no longer see them; registrars see
 * them as expired. `dryRun` only counts.
 */
export async function expireDueListings({
  db,
  audit,
  clock,
  timeZone,
  dryRun = false,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  timeZone: string;
  dryRun?: boolean;
}): Promise<{ expired: number }> {
  const now = clock.now();
  const today = expiryDate(now, timeZone);
  if (dryRun) return { expired: await countListingsToExpire({ db, today }) };
  let expired = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await expireListings({
        tx,
        today,
        now,
        limit: BATCH,
        reason: EXTENSION_CLOSED_REASON.expired,
      });
      await audit.recordMany({
        tx,
        events: rows.flatMap((row) => [
          {
            actor: null,
            action: 'listing.expired',
            subject: { type: 'listing', id: row.id },
            details: { status: 'expired', validUntil: row.validUntil },
          },
          ...(row.extensionValidUntil === null
            ? []
            : [
                {
                  actor: null,
                  action: 'listing.extension_withdrawn',
                  subject: { type: 'listing', id: row.id },
                  purpose: EXTENSION_CLOSED_REASON.expired,
                  details: { validUntil: row.extensionValidUntil },
                },
              ]),
        ]),
      });
      return rows.length;
    });
    expired += batch;
    if (batch < BATCH) return { expired };
  }
}
