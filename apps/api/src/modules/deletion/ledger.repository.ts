import type { Tx } from '../../db/database.js';
import { ledgerEntries } from './deletion.table.js';

/** What a deletion or restriction change leaves behind: never personal content. */
export interface LedgerEntryInput {
  /** e.g. `person`, `listing`, `incident`, `incident_personal_data`, `audit_terms`,
   * `restriction_set`, `restriction_lifted`. */
  kind: string;
  subjectId: string;
  /** The retention rule (`retention.<rule>`) or the request (`request.erasure`) behind it. */
  rule: string;
  facts?: Record<string, unknown>;
  at: Date;
}

/**
 * Records deletions and restriction changes in the caller's transaction (the ledger's outbox):
 * they are appended to the ledger file outside the database after COMMIT.
 */
export async function insertLedgerEntries({
  tx,
  entries,
}: {
  tx: Tx;
  entries: LedgerEntryInput[];
}) {
  if (entries.length === 0) return { count: 0 };
  for (let i = 0; i < entries.length; i += 1000) {
    await tx
      .insert(ledgerEntries)
      .values(entries.slice(i, i + 1000).map((e) => ({ ...e, facts: e.facts ?? {} })));
  }
  return { count: entries.length };
}
