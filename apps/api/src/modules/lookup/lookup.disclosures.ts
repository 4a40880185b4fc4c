import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';

/**
 * Notes that the actor's department was shown these persons by the look-up audited as
 * `auditSeq` (Art. 15: the person learns which departments looked them up and when, not which
 * employee). One statement, in the look-up's transaction; nothing for an empty answer.
 */
export async function recordLookupDisclosures({
  tx,
  actorId,
  personIds,
  occurredAt,
  auditSeq,
}: {
  tx: Tx;
  actorId: string;
  personIds: readonly string[];
  occurredAt: Date;
  auditSeq: number;
}): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  await tx.execute(sql`INSERT INTO lookup_disclosures (person_id, department_id, occurred_at, audit_seq)
    SELECT shown.id, (SELECT department_id FROM users WHERE id = ${actorId}::uuid),
      ${occurredAt.toISOString()}::timestamptz, ${auditSeq}
    FROM unnest(${`{${ids.join(',')}}`}::uuid[]) AS shown(id)`);
}
