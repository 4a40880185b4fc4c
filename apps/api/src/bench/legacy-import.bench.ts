import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createServices } from '../services.js';

const GIVEN = ['Anna', 'Ben', 'Canan', 'Dariusz', 'Elif', 'Fatima', 'Georg', 'Hülya', 'Igor'];
const FAMILY = ['Müller', 'Schmidt', 'Yılmaz', 'Kowalski', 'Nowak', 'Ivanova', 'Haddad', 'Öztürk'];
const CATEGORIES = ['Bedrohung', 'Waffe|Bedrohung', 'Nötigung', 'Beleidigung', 'Gewalt'];

/**
 * A legacy list of `rows` synthetic rows (references `${prefix}-<n>`): a mix of listed and
 * unlisted rows, names spread over many spellings so the duplicate search has work to do.
 */
export function syntheticLegacyCsv(rows: number, prefix = 'BENCH'): string {
  const lines = [
    'Aktenzeichen;Nachname;Vornamen;Geburtsdatum;Aliasnamen;Adressen;Stufe;Kategorien;Vorfallsdatum;Strafanzeige;Vorsichtsmaßnahmen;Bemerkung',
  ];
  for (let i = 0; i < rows; i++) {
    const family = `${FAMILY[i % FAMILY.length]!}${i % 97 === 0 ? '' : `-${(i % 1499).toString(36)}`}`;
    const given = GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]!;
    const level = (i % 3) + 1;
    lines.push(
      [
        `${prefix}-${i}`,
        family,
        given,
        `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${1950 + (i % 50)}`,
        i % 5 === 0 ? `${FAMILY[(i + 1) % FAMILY.length]!}, ${given}` : '',
        `Hauptstraße ${(i % 200) + 1}, 52062 Aachen`,
        String(level),
        CATEGORIES[i % CATEGORIES.length]!,
        '01.09.2025',
        i % 2 === 0 ? 'ja' : 'nein',
        level > 1 ? 'Nur zu zweit' : '',
        i % 7 === 0 ? 'Bemerkung aus der alten Liste' : '',
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Measures the legacy import (`zemag import persons`) on a fresh database: a dry run of `rows`
 * rows, optionally the real run of `applyRows` of them, and a dry run of `rows` new references
 * against the imported persons (duplicate search with data). Prints one JSON line.
 */
export async function benchImportPersons({
  rows,
  applyRows,
  databaseUrl,
}: {
  rows: number;
  applyRows: number;
  databaseUrl?: string;
}) {
  const database = await openDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: null },
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-bench-legacy-'));
  await database.migrate();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const clock = createManualClock(new Date('2026-01-15T10:00:00Z'));
    const services = createServices({ db: database.db, clock, config });
    const { user } = await database.db.transaction((tx) =>
      services.users.createUser({
        tx,
        username: 'bench.registrar',
        displayName: 'Bench',
        password: null,
        departmentId: null,
        roles: ['reporter', 'registrar'],
        actor: null,
      }),
    );
    const actor = await services.legacyImport.registrar(user.username);
    const time = async (file: string, dryRun: boolean) => {
      const started = performance.now();
      const report = await services.legacyImport.run({
        actor,
        file,
        dryRun,
      });
      const ms = Math.round(performance.now() - started);
      return { ms, rowsPerS: Math.round((report.summary.rows / ms) * 1000), ...report.summary };
    };
    const write = (name: string, csv: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, csv);
      return file;
    };
    const big = write('big.csv', syntheticLegacyCsv(rows));
    const heapBefore = process.memoryUsage().rss;
    const dryRun = await time(big, true);
    const result: Record<string, unknown> = {
      bench: 'import-persons',
      engine: database.engine,
      rows,
      csvBytes: fs.statSync(big).size,
      dryRun,
      rssMiB: Math.round((process.memoryUsage().rss - heapBefore) / 2 ** 20),
    };
    if (applyRows > 0) {
      result.apply = await time(write('apply.csv', syntheticLegacyCsv(applyRows)), false);
      result.dryRunWithData = await time(write('new.csv', syntheticLegacyCsv(rows, 'NEW')), true);
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}
