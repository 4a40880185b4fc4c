import { incidents } from '../modules/incidents/incidents.table.js';
import type { TestApp } from './test-app.js';

/**
 * The stored reports whose narrative is `description`: narratives are stored encrypted
 * (modules/encryption), so a test cannot compare the column itself.
 */
export async function incidentsWithDescription(
  t: Pick<TestApp, 'database' | 'services'>,
  description: string,
) {
  const rows = await t.database.db.select().from(incidents);
  const opened = await Promise.all(
    rows.map(async (row) => ({
      row,
      text: await t.services.cipher.open(
        t.database.db,
        'incidents.description',
        row.id,
        row.description,
      ),
    })),
  );
  return opened.filter((o) => o.text === description).map((o) => o.row);
}
