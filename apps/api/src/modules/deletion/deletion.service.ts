import { asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import { listings } from '../listings/listings.table.js';
import { ledgerEntries } from './deletion.table.js';
import {
  deleteIncidents,
  deleteListings,
  erasePersons,
  redactIncidentPersonalData,
  type DeletionContext,
} from './erase.js';
import {
  appendLedger,
  chainLines,
  readLedger,
  type LedgerHead,
  type LedgerLine,
} from './ledger-file.js';

// Chosen once; must stay the same in every version (one writer of the ledger file at a time).
const LEDGER_LOCK_KEY = 7_301_119;
const BATCH = 5000;
/** The rule recorded for deletions made again from the ledger. */
export const REAPPLY_RULE = 'ledger.reapply';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function keyOf(kind: string, id: string, rule: string, at: string) {
  return `${kind}\u0000${id}\u0000${rule}\u0000${at}`;
}

/** A restriction's end date as a ledger line states it (`facts.until`), or null. */
function untilOf(facts: Record<string, unknown>): string | null {
  const until = facts.until ?? facts.restrictedUntil;
  return typeof until === 'string' && DATE.test(until) ? until : null;
}

export type DeletionService = ReturnType<typeof createDeletionService>;

/**
 * The deletion ledger file and its outbox (`ledger_entries`): `flush()` appends what was
 * committed, `reapply()` makes every deletion and restriction in the ledger true again (after a
 * backup was restored). Both run at every start before the server listens.
 */
export function createDeletionService({
  db,
  file,
  clock,
  audit,
}: {
  db: Db;
  file: string;
  clock: Clock;
  audit: AuditService;
}) {
  /** The verified part of the file and the keys of its lines (to skip rows already in it). */
  let head: LedgerHead | undefined;
  const keys = new Set<string>();
  let serial: Promise<unknown> = Promise.resolve();

  /** One flush or re-apply at a time in this process (others wait on the advisory lock). */
  function exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = serial.then(run, run);
    serial = next.catch(() => {});
    return next;
  }

  function remember(lines: LedgerLine[], next: LedgerHead) {
    for (const line of lines) keys.add(keyOf(line.kind, line.id, line.rule, line.at));
    head = next;
  }

  /** Reads what other writers appended since the last read (the whole file at first). */
  function catchUp() {
    const read = readLedger(file, head);
    remember(read.lines, read.head);
    return head!;
  }

  async function lock(tx: Tx) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK_KEY})`);
  }

  async function flushBatch(): Promise<{ written: number; marked: number }> {
    return db.transaction(async (tx) => {
      await lock(tx);
      const rows = await tx
        .select()
        .from(ledgerEntries)
        .where(isNull(ledgerEntries.ledgerWrittenAt))
        .orderBy(asc(ledgerEntries.id))
        .limit(BATCH);
      if (rows.length === 0) return { written: 0, marked: 0 };
      const current = catchUp();
      const fresh: Omit<LedgerLine, 'seq' | 'prev' | 'hash'>[] = [];
      for (const row of rows) {
        const at = row.at.toISOString();
        const key = keyOf(row.kind, row.subjectId, row.rule, at);
        // Appended before a crash kept it from being marked: written once only.
        if (keys.has(key)) continue;
        keys.add(key);
        fresh.push({ kind: row.kind, id: row.subjectId, rule: row.rule, at, facts: row.facts });
      }
      if (fresh.length > 0) {
        const chained = chainLines(current, fresh);
        appendLedger(file, current.size, chained.text);
        head = chained.head;
      }
      await tx
        .update(ledgerEntries)
        .set({ ledgerWrittenAt: clock.now() })
        .where(
          inArray(
            ledgerEntries.id,
            rows.map((r) => r.id),
          ),
        );
      return { written: fresh.length, marked: rows.length };
    });
  }

  async function applyRestrictions(ctx: DeletionContext, last: Map<string, string | null | false>) {
    // Grouped by target state: `false` lifted, otherwise restricted until the date (or null).
    const groups = new Map<string | null | false, string[]>();
    for (const [id, state] of last) groups.set(state, [...(groups.get(state) ?? []), id]);
    const changed: { id: string; restricted: boolean }[] = [];
    for (const [state, ids] of groups) {
      const restricted = state !== false;
      const until = state === false ? null : state;
      for (let i = 0; i < ids.length; i += BATCH) {
        const rows = await ctx.tx
          .update(listings)
          .set({ restricted, restrictedUntil: until, updatedAt: ctx.at })
          .where(
            sql`${inArray(listings.id, ids.slice(i, i + BATCH))} and ${or(
              eq(listings.restricted, !restricted),
              sql`${listings.restrictedUntil} is distinct from ${until}::date`,
            )}`,
          )
          .returning({ id: listings.id });
        changed.push(...rows.map((r) => ({ id: r.id, restricted })));
      }
    }
    if (changed.length > 0) {
      await ctx.audit.recordMany({
        tx: ctx.tx,
        events: changed.map((c) => ({
          actor: null,
          action: 'listing.restriction_reapplied',
          subject: { type: 'listing', id: c.id },
          details: { rule: ctx.rule, restricted: c.restricted },
        })),
      });
    }
    return changed.length;
  }

  async function reapplyLines(lines: LedgerLine[]) {
    const byKind = { person: [] as string[], listing: [] as string[], incident: [] as string[] };
    const personal: string[] = [];
    const restriction = new Map<string, string | null | false>();
    for (const line of lines) {
      if (line.kind === 'person' || line.kind === 'listing' || line.kind === 'incident') {
        byKind[line.kind].push(line.id);
      } else if (line.kind === 'incident_personal_data') personal.push(line.id);
      else if (line.kind === 'restriction_set') restriction.set(line.id, untilOf(line.facts));
      else if (line.kind === 'restriction_lifted') restriction.set(line.id, false);
    }
    return db.transaction(async (tx) => {
      await lock(tx);
      const ctx: DeletionContext = {
        tx,
        audit,
        actorId: null,
        rule: REAPPLY_RULE,
        at: clock.now(),
        recordLedger: false,
      };
      const sum = (counts: Record<string, number>) =>
        Object.values(counts).reduce((a, b) => a + b, 0);
      let n = sum((await deleteListings({ ...ctx, listingIds: byKind.listing })).counts);
      n += sum((await erasePersons({ ...ctx, personIds: byKind.person })).counts);
      n += sum(
        (await deleteIncidents({ ...ctx, incidentIds: byKind.incident, skipGrounding: true }))
          .counts,
      );
      n += sum((await redactIncidentPersonalData({ ...ctx, incidentIds: personal })).counts);
      n += await applyRestrictions(ctx, restriction);
      return n;
    });
  }

  return {
    /** The ledger file this service writes. */
    file,

    /**
     * Appends every committed, not yet written outbox row to the ledger file, in order, and marks
     * it written. Call after COMMIT of a deletion; runs at every start as well.
     */
    flush(): Promise<{ written: number }> {
      return exclusive(async () => {
        let written = 0;
        for (;;) {
          const batch = await flushBatch();
          written += batch.written;
          if (batch.marked < BATCH) return { written };
        }
      });
    },

    /**
     * Verifies the whole chain (`LedgerBrokenError` on an edited ledger: nothing is deleted),
     * then applies every line again: deletions (a no-op when gone) and the last restriction
     * state of each listing. `reapplied`: items that actually changed.
     */
    reapply(): Promise<{ reapplied: number; lines: number }> {
      return exclusive(async () => {
        const read = readLedger(file);
        keys.clear();
        remember(read.lines, read.head);
        const reapplied = read.lines.length > 0 ? await reapplyLines(read.lines) : 0;
        return { reapplied, lines: read.lines.length };
      });
    },
  };
}
