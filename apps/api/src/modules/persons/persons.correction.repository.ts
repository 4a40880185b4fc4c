import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { personAddresses, personNames } from './persons.table.js';

/** Replaces a person's aliases and former names with the list given (a correction). */
export async function replaceNames({
  db,
  personId,
  names,
}: {
  db: DbOrTx;
  personId: string;
  names: { kind: string; familyName: string; givenNames: string | null }[];
}) {
  await db.delete(personNames).where(eq(personNames.personId, personId));
  if (names.length > 0) {
    await db.insert(personNames).values(names.map((n) => ({ ...n, personId })));
  }
}

/** Replaces a person's addresses, current and former, with the list given (a correction). */
export async function replaceAddresses({
  db,
  personId,
  addresses,
}: {
  db: DbOrTx;
  personId: string;
  addresses: Omit<typeof personAddresses.$inferInsert, 'personId' | 'id'>[];
}) {
  await db.delete(personAddresses).where(eq(personAddresses.personId, personId));
  if (addresses.length > 0) {
    await db.insert(personAddresses).values(addresses.map((a) => ({ ...a, personId })));
  }
}
