import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database.js';
import { hasPlainText, openChanges, sealChanges } from '../corrections/corrections.seal.js';
import type { FieldCipher, SealedColumn } from './field-cipher.js';

/** The plain columns stored encrypted: table, column, and the name bound into each value. */
export const SEALED_COLUMNS: { table: string; column: string; name: SealedColumn }[] = [
  { table: 'incidents', column: 'description', name: 'incidents.description' },
  { table: 'incident_persons', column: 'description', name: 'incident_persons.description' },
  { table: 'persons', column: 'notes', name: 'persons.notes' },
];

/** Corrections whose old and new values hold such texts (the rest of `changes` is not sealed). */
const CORRECTIONS_WITH_TEXT = sql.raw(
  `exists (select 1 from jsonb_object_keys(changes) k where k in ('description', 'notes') or k like 'persons.%')`,
);

type Mode =
  /** only values still in plain text (written before encryption): nothing is opened */
  | { kind: 'plaintext' }
  /** also values sealed with another data key than `keyId` (rotation) */
  | { kind: 'rekey'; keyId: number };

function pendingCondition(column: string, mode: Mode) {
  const prefix = mode.kind === 'plaintext' ? 'enc:v1:%' : `enc:v1:${mode.keyId}:%`;
  return sql.raw(`${column} is not null and ${column} <> '' and ${column} not like '${prefix}'`);
}

/**
 * Seals what is not yet sealed as `mode` asks, `batchSize` rows per transaction (each batch
 * commits on its own: a run stopped half-way leaves every row readable and the next run goes
 * on). Returns how many values were written.
 */
export async function resealColumns({
  db,
  cipher,
  mode,
  batchSize = 500,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  mode: Mode;
  batchSize?: number;
}): Promise<{ sealed: number }> {
  let sealed = 0;
  for (const target of SEALED_COLUMNS) {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const rows = rowsOf<{ id: string; value: string }>(
          await tx.execute(
            sql`select id::text as id, ${sql.raw(target.column)} as value from ${sql.raw(target.table)} where ${pendingCondition(target.column, mode)} limit ${batchSize} for update`,
          ),
        );
        for (const row of rows) {
          const plain = await cipher.open(tx, target.name, row.id, row.value);
          const value = await cipher.seal(tx, target.name, row.id, plain);
          await tx.execute(
            sql`update ${sql.raw(target.table)} set ${sql.raw(target.column)} = ${value} where id = ${row.id}::uuid`,
          );
        }
        sealed += rows.length;
        return rows.length < batchSize;
      });
      if (done) break;
    }
  }
  sealed += await resealCorrections({ db, cipher, mode, batchSize });
  return { sealed };
}

async function resealCorrections({
  db,
  cipher,
  mode,
  batchSize,
}: {
  db: DbOrTx;
  cipher: FieldCipher;
  mode: Mode;
  batchSize: number;
}) {
  let sealed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const last = await db.transaction(async (tx) => {
      const rows = rowsOf<{ id: string; changes: Record<string, { from: unknown; to: unknown }> }>(
        await tx.execute(
          sql`select id::text as id, changes from corrections where id > ${after}::uuid and ${CORRECTIONS_WITH_TEXT} order by id limit ${batchSize} for update`,
        ),
      );
      for (const row of rows) {
        const text = JSON.stringify(row.changes);
        const otherKey =
          mode.kind === 'rekey' &&
          [...text.matchAll(/"enc:v1:(\d+):/g)].some((m) => Number(m[1]) !== mode.keyId);
        if (!otherKey && !(await hasPlainText(row.changes))) continue;
        // opened (plain text passes through), then sealed with the active key
        const opened = await openChanges(tx, cipher, row.id, row.changes);
        const next = await sealChanges(tx, cipher, row.id, opened);
        await tx.execute(
          sql`update corrections set changes = ${JSON.stringify(next)}::jsonb where id = ${row.id}::uuid`,
        );
        sealed += 1;
      }
      return rows.length < batchSize ? null : rows.at(-1)!.id;
    });
    if (last === null) break;
    after = last;
  }
  return sealed;
}

/** How many stored values name the data key `keyId` (a key is dropped only when none does). */
export async function countUsesOfKey({ db, keyId }: { db: DbOrTx; keyId: number }) {
  const prefix = `enc:v1:${keyId}:%`;
  let uses = 0;
  for (const target of SEALED_COLUMNS) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.raw(target.table)} where ${sql.raw(target.column)} like ${prefix}`,
      ),
    );
    uses += Number(row?.n ?? 0);
  }
  const [corr] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from corrections where changes::text like ${`%"${prefix}`}`,
    ),
  );
  return uses + Number(corr?.n ?? 0);
}
