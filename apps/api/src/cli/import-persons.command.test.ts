import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../test-support/processes.js';
import {
  decodeSpreadsheet,
  registerImportPersonsCommand,
  reportLines,
} from './import-persons.command.js';

const FILE = [
  'Aktenzeichen;Nachname;Vornamen;Geburtsdatum;Adressen;Stufe;Kategorien;Vorfallsdatum;Strafanzeige;Vorsichtsmaßnahmen',
  'ALT-1;Altmann;Kurt;02.03.1970;Bahnhofstraße 5, 52062 Aachen;3;Waffe|Bedrohung;01.09.2025;ja;Nur zu zweit',
  'ALT-2;Berg;Lisa;;;1;Beleidigung;01.09.2025;nein;',
  'ALT-3;Crane;;31.02.1980;;7;Bedrohung;01.09.2025;ja;',
].join('\r\n');

describe('zemag import persons', () => {
  it('is registered as "import persons" with --as and --dry-run', () => {
    const program = new Command('zemag');
    registerImportPersonsCommand(program, () => Promise.reject(new Error('not run')));
    const persons = program.commands.find((c) => c.name() === 'import')!.commands[0]!;
    expect(persons.name()).toBe('persons');
    expect(persons.options.map((o) => o.long)).toEqual(['--as', '--dry-run']);
  });

  it('reads UTF-8 and the Windows-1252 that German Excel writes', () => {
    expect(decodeSpreadsheet(new TextEncoder().encode('Straße;Gültig bis'))).toBe(
      'Straße;Gültig bis',
    );
    expect(decodeSpreadsheet(Uint8Array.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65]))).toBe('Straße');
  });

  it('prints every problem with row, column and field in German and English', () => {
    const lines = reportLines({
      summary: {
        dryRun: true,
        rows: 1,
        created: 0,
        updated: 0,
        skipped: 0,
        invalid: 1,
        failed: 0,
        listingsProposed: 0,
        withoutListing: 0,
      },
      problems: [
        {
          row: 4,
          field: 'level',
          column: 'Stufe',
          message: { de: 'Stufe 1–3.', en: 'Level 1–3.' },
        },
      ],
      results: [],
    });
    expect(lines).toEqual([
      'Zeile 4, Spalte „Stufe“ (level): Stufe 1–3. | Row 4, column "Stufe" (level): Level 1–3.',
    ]);
  });

  describe('through the built command line on an embedded database', () => {
    let dir: string;
    let env: Record<string, string>;
    const file = () => path.join(dir, 'altbestand.csv');
    beforeAll(async () => {
      assertBuilt();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-import-persons-'));
      env = { ZEMAG_DATA_DIR: path.join(dir, 'data') };
      fs.writeFileSync(file(), `\uFEFF${FILE}`);
      // Musterstadt brings two registrars; the import needs one of them.
      const seeded = await runCli(['demo', 'seed'], { ...env, ZEMAG_DEMO: '1' });
      expect(seeded.code, seeded.stderr).toBe(0);
    }, 180_000);
    afterAll(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const summary = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

    it('dry run, import, re-run: counts in one JSON line, bad rows named, nothing twice', async () => {
      const args = ['import', 'persons', file(), '--as', 'demo.registrar'];
      const dry = await runCli([...args, '--dry-run'], env);
      expect(dry.code).toBe(1);
      expect(summary(dry.stdout)).toMatchObject({
        dryRun: true,
        created: 2,
        invalid: 1,
        listingsProposed: 1,
      });
      expect(dry.stderr).toContain('Zeile 4, Spalte „Geburtsdatum“ (dateOfBirth)');
      expect(dry.stderr).toContain('Row 4, column "Stufe" (level)');

      const run = await runCli(args, env);
      expect(summary(run.stdout)).toMatchObject({ dryRun: false, created: 2, skipped: 0 });
      expect(run.stderr).toContain('Zeile 3 (ALT-2): Kein Eintrag vorgeschlagen');

      const again = await runCli(args, env);
      expect(summary(again.stdout)).toMatchObject({ created: 0, skipped: 2, invalid: 1 });

      const refused = await runCli(
        ['import', 'persons', file(), '--as', 'demo.ordnungsdienst'],
        env,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('registrar');
    }, 120_000);
  });
});
