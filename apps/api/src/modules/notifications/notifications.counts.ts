import { and, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { incidents } from '../incidents/incidents.table.js';
import { listings } from '../listings/listings.table.js';

/** How many reports wait for review and how many proposals wait for this registrar. */
export async function countOpenWork({ db, userId }: { db: DbOrTx; userId: string }) {
  const [reports] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(
      and(sql`${incidents.status} in ('submitted', 'in_review')`, ne(incidents.reporterId, userId)),
    );
  const [proposals] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listings)
    .where(and(sql`${listings.status} = 'proposed'`, ne(listings.proposedBy, userId)));
  return { reviews: reports?.n ?? 0, activations: proposals?.n ?? 0 };
}
