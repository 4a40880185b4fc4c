import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { incidentPersons } from '../incidents/incidents.table.js';
import { legacyImports } from './legacy-import.table.js';

export type LegacyImportRow = typeof legacyImports.$inferSelect;

/** The rows of earlier imports with these references. */
export async function findLegacyImports({ db, references }: { db: DbOrTx; references: string[] }) {
  const rows: LegacyImportRow[] = [];
  for (let i = 0; i < references.length; i += 1000) {
    const chunk = references.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    rows.push(
      ...(await db
        .select()
        .from(legacyImports)
        .where(inArray(legacyImports.legacyReference, chunk))),
    );
  }
  return { rows };
}

/**
 * Claims a legacy reference for this transaction: false when it is taken (a concurrent run of
 * the same file waits here for the other transaction and then finds it taken).
 */
export async function claimLegacyReference({
  db,
  row,
}: {
  db: DbOrTx;
  row: Pick<
    typeof legacyImports.$inferInsert,
    'legacyReference' | 'rowHash' | 'importedBy' | 'importedAt'
  >;
}) {
  const claimed = await db
    .insert(legacyImports)
    .values(row)
    .onConflictDoNothing()
    .returning({ reference: legacyImports.legacyReference });
  return claimed.length === 1;
}

/** Records what the claimed reference created. */
export async function completeLegacyImport({
  db,
  legacyReference,
  ids,
}: {
  db: DbOrTx;
  legacyReference: string;
  ids: { personId: string; incidentId: string; listingId: string | null };
}) {
  await db.update(legacyImports).set(ids).where(eq(legacyImports.legacyReference, legacyReference));
}

/** The involved-person rows of an incident, in reported order. */
export async function listInvolvedIds({ db, incidentId }: { db: DbOrTx; incidentId: string }) {
  const rows = await db
    .select({ id: incidentPersons.id })
    .from(incidentPersons)
    .where(eq(incidentPersons.incidentId, incidentId))
    .orderBy(incidentPersons.position);
  return { ids: rows.map((r) => r.id) };
}
