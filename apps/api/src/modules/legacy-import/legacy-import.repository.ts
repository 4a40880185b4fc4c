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

export async function insertLegacyImport({
  db,
  row,
}: {
  db: DbOrTx;
  row: typeof legacyImports.$inferInsert;
}) {
  await db.insert(legacyImports).values(row);
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
