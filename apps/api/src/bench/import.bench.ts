import { createManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createServices } from '../services.js';

const GIVEN = [
  'Anna',
  'Ben',
  'Canan',
  'Dariusz',
  'Elif',
  'Fatima',
  'Georg',
  'Hülya',
  'Igor',
  'Jana',
  'Karim',
  'Lena',
  'Mehmet',
  'Natalia',
  'Olaf',
  'Paula',
];
const FAMILY = [
  'Müller',
  'Schmidt',
  'Yılmaz',
  'Kowalski',
  'Nowak',
  'Ivanova',
  'Haddad',
  'Schneider',
  'Öztürk',
  'Becker',
  'Wagner',
  'Al-Masri',
  'Fischer',
  'Weber',
];

/** "Hülya" → "huelya": user names are ASCII. */
const ascii = (name: string) =>
  name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/** A users CSV with `rows` distinct synthetic employees spread over `departments` departments. */
export function syntheticUsersCsv(rows: number, departments: number): string {
  const lines = ['username;display_name;department_code;roles'];
  for (let i = 0; i < rows; i++) {
    const given = GIVEN[i % GIVEN.length]!;
    const family = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!;
    const dept = i % departments;
    lines.push(
      `u${i}.${ascii(given)};${given} ${family};D${dept};${dept % 4 === 0 && i % 5 === 0 ? 'field' : ''}`,
    );
  }
  return lines.join('\n');
}

/**
 * Measures the roll-out import: `rows` users into a fresh database (PGlite in memory, or the
 * PostgreSQL server in `databaseUrl`, which must be an empty database). Prints one JSON line.
 */
export async function benchImportUsers({
  rows,
  databaseUrl,
}: {
  rows: number;
  databaseUrl?: string;
}) {
  const database = await openDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: null },
  );
  await database.migrate();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const services = createServices({ db: database.db, clock: createManualClock(), config });
    const { user: admin } = await database.db.transaction((tx) =>
      services.users.createUser({
        tx,
        username: 'bench.admin',
        displayName: 'Bench',
        password: null,
        departmentId: null,
        roles: ['admin'],
        actor: null,
      }),
    );
    const departmentCount = 40;
    const departmentsCsv = ['code;name;parent_code;contact;lookup_authorised;lookup_reason']
      .concat(
        Array.from(
          { length: departmentCount },
          (_, d) =>
            `D${d};Dienststelle ${d};;;${d % 4 === 0 ? 'ja;Hausbesuche im Außendienst' : 'nein;'}`,
        ),
      )
      .join('\n');
    await services.imports.importDepartments({
      actor: admin.id,
      csv: departmentsCsv,
      dryRun: false,
    });

    const csv = syntheticUsersCsv(rows, departmentCount);
    const time = async (dryRun: boolean) => {
      const started = performance.now();
      const report = await services.imports.importUsers({ actor: admin.id, csv, dryRun });
      if (report.errors.length > 0)
        throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
      return { ms: Math.round(performance.now() - started), report };
    };
    const dry = await time(true);
    const apply = await time(false);
    const rerun = await time(false);
    await services.auditChainer.drain();
    const verify = await services.audit.verify({ db: database.db });
    return {
      bench: 'import-users',
      engine: database.engine,
      rows,
      csvBytes: Buffer.byteLength(csv),
      dryRunMs: dry.ms,
      applyMs: apply.ms,
      created: apply.report.created,
      rerunMs: rerun.ms,
      rerunUnchanged: rerun.report.unchanged,
      auditChainOk: verify.ok,
    };
  } finally {
    await database.close();
  }
}
