import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';

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
  // One parameter per statement (a VALUES list of thousands of rows is slow to build); in the
  // given order, so the ledger file lists them as they were made.
  for (let i = 0; i < entries.length; i += 5000) {
    const records = entries.slice(i, i + 5000).map((e, n) => ({
      n,
      kind: e.kind,
      subject_id: e.subjectId,
      rule: e.rule,
      facts: e.facts ?? {},
      at: e.at.toISOString(),
    }));
    await tx.execute(sql`
      INSERT INTO ledger_entries (kind, subject_id, rule, facts, at)
      SELECT kind, subject_id, rule, facts, at
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        AS x(n int, kind text, subject_id text, rule text, facts jsonb, at timestamptz)
      ORDER BY n`);
  }
  return { count: entries.length };
}
