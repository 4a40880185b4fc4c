import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { assertBuilt, cliJs, runCli } from '../test-support/processes.js';
import { syntheticLegacyCsv } from '../bench/legacy-import.bench.js';
import { parse } from 'csv-parse/sync';
import { registerImportPersonsCommand, reportLines } from './import-persons.command.js';

const FILE = [
  'Aktenzeichen;Nachname;Vornamen;Geburtsdatum;Adressen;Stufe;Kategorien;Vorfallsdatum;Strafanzeige;Vorsichtsmaßnahmen',
  'ALT-1;Altmann;Kurt;02.03.1970;Bahnhofstraße 5, 52062 Aachen;3;Waffe|Bedrohung;01.09.2025;ja;Nur zu zweit',
  'ALT-2;Berg;Lisa;;;1;Beleidigung;01.09.2025;nein;',
  'ALT-3;Crane;;31.02.1980;;7;Bedrohung;01.09.2025;ja;',
].join('\r\n');

describe('zemag import persons', () => {
  it('is registered as "import persons" with --as, --dry-run, --encoding and --report', () => {
    const program = new Command('zemag');
    registerImportPersonsCommand(program, () => Promise.reject(new Error('not run')));
    const persons = program.commands.find((c) => c.name() === 'import')!.commands[0]!;
    expect(persons.name()).toBe('persons');
    expect(persons.options.map((o) => o.long)).toEqual([
      '--as',
      '--dry-run',
      '--encoding',
      '--report',
    ]);
  });

  it('prints every problem with row, column and field in German and English', () => {
    const lines = reportLines({
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

  it('shows control characters from the file instead of sending them to the terminal', () => {
    const [line] = reportLines({
      problems: [],
      results: [
        {
          row: 2,
          reference: 'A-1\u001b[2J\r',
          outcome: 'created',
          listing: 'none',
          notes: [{ de: 'x', en: 'x' }],
        },
      ],
    });
    expect(line).toBe('Zeile 2 (A-1\\u001B[2J\\u000D): x | Row 2 (A-1\\u001B[2J\\u000D): x');
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
    }, 300_000);

    const write = (name: string, bytes: Uint8Array | string) => {
      const target = path.join(dir, name);
      fs.writeFileSync(target, bytes);
      return target;
    };
    const dryRun = (target: string, ...more: string[]) =>
      runCli(['import', 'persons', target, '--as', 'demo.registrar', '--dry-run', ...more], env);

    it('states the encoding; reads UTF-16; refuses invalid UTF-8 by line and character', async () => {
      const utf16 = await dryRun(write('utf16.csv', Buffer.from(`\uFEFF${FILE}`, 'utf16le')));
      expect(utf16.stderr).toContain('Zeichensatz: UTF-16LE mit BOM | Encoding: UTF-16LE with BOM');
      expect(summary(utf16.stdout)).toMatchObject({
        skipped: 2,
        invalid: 1,
        encoding: 'utf-16le',
        bom: true,
      });

      // "MÃ(ig": the first byte of a two-byte sequence followed by an ASCII letter.
      const broken = Buffer.concat([
        Buffer.from(FILE.split('\r\n').slice(0, 2).join('\r\n') + '\r\nALT-9;M'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('ig;;;;1;Beleidigung;01.09.2025;nein;\r\n'),
      ]);
      const refused = await dryRun(write('broken.csv', broken));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Datei, Zeile 3, Zeichen 8 (file)');
      expect(refused.stderr).toContain('first unreadable byte 0xC3');
      expect(summary(refused.stdout)).toMatchObject({ created: 0, encoding: 'utf-8' });

      const latin = write('latin.csv', Buffer.from(FILE, 'latin1'));
      expect((await dryRun(latin)).stderr).toContain('kein gültiges UTF-8');
      const asked = await dryRun(latin, '--encoding', 'windows-1252');
      expect(asked.stderr).toContain('Encoding: Windows-1252');
      expect(summary(asked.stdout)).toMatchObject({ skipped: 2, encoding: 'windows-1252' });
    }, 300_000);

    it('names the row and column of a stray quote and imports the other rows', async () => {
      const lines = FILE.split('\r\n');
      lines[2] = lines[2]!.replace('Berg', 'Be"rg');
      const run = await dryRun(write('quote.csv', lines.join('\r\n')));
      expect(run.stderr).toContain('Zeile 3, Spalte „Nachname“ (familyName)');
      expect(summary(run.stdout)).toMatchObject({ skipped: 1, invalid: 2 });
    }, 120_000);

    it('neutralises formula cells in the CSV report', async () => {
      const report = path.join(dir, 'report.csv');
      const lines = FILE.split('\r\n');
      lines[1] = lines[1]!.replace('ALT-1', '=1+2');
      lines[2] = lines[2]!.replace('ALT-2', '@SUM(A1)');
      const target = write('formula.csv', lines.join('\r\n'));
      const run = await dryRun(target, '--report', report);
      expect(run.code).toBe(1);
      const rows = parse(fs.readFileSync(report), {
        bom: true,
        delimiter: ';',
        columns: true,
      }) as Record<string, string>[];
      const refs = rows.map((r) => r['Aktenzeichen/Reference']);
      expect(refs).toEqual(expect.arrayContaining(["'=1+2", "'@SUM(A1)"]));
      for (const row of rows) {
        for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }, 120_000);

    it('TERM stops an import cleanly: the lock is released, the next run starts', async () => {
      const big = write('big.csv', syntheticLegacyCsv(3000, 'TERM'));
      const child = spawn(
        process.execPath,
        [cliJs, 'import', 'persons', big, '--as', 'demo.registrar'],
        {
          env: { PATH: process.env.PATH ?? '', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const lock = path.join(env.ZEMAG_DATA_DIR!, 'zemag.lock');
      // Wait until it imports (its report lines come), then stop it.
      const started = Date.now();
      while (!/Zeile \d+ \(TERM-/.test(stderr) && Date.now() - started < 90_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(child.pid));
      child.kill('SIGTERM');
      expect(await exited).toBe(143);
      expect(fs.existsSync(lock)).toBe(false);
      const next = await dryRun(file());
      expect(next.code, next.stderr).toBe(1); // the file's one invalid row, not a lock
      expect(summary(next.stdout)).toMatchObject({ dryRun: true, invalid: 1 });
    }, 240_000);
  });
});
