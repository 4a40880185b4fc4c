import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import {
  call,
  signInCast,
  signedIn,
  submittedReport,
  type Cast,
} from '../../test-support/register.js';

const NAME = 'Przybylski';

const report = (occurredAt: string, categories: string[], level: number) => ({
  occurredAt,
  place: { description: 'Bürgerbüro, Schalter 3' },
  categories,
  level,
  criminalComplaint: { status: 'no' },
  persons: [{ familyName: NAME, givenNames: 'Konrad' }],
});

for (const target of engines) {
  describe.skipIf(target.skip)(`statistics ${engineTitle(target)}`, () => {
    let t: TestApp;
    let cast: Cast;
    let dpo: string;

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      cast = await signInCast(t);
      dpo = await signedIn(t, ['dpo']);
      // October 2025: seven threats at level 2; November: two insults at level 1
      for (let day = 1; day <= 7; day++) {
        const at = `2025-10-${String(day).padStart(2, '0')}T10:00:00+02:00`;
        await submittedReport(t, cast.reporter, report(at, ['threat'], 2));
      }
      for (const day of ['03', '04']) {
        await submittedReport(
          t,
          cast.reporter,
          report(`2025-11-${day}T10:00:00+01:00`, ['insult'], 1),
        );
      }
      const lookedUp = await call(t, cast.field, 'POST', '/api/v1/lookups', {
        purpose: { fileNumber: 'OA-2026/0777', reason: 'home_visit' },
        familyName: NAME,
      });
      expect(lookedUp.statusCode).toBe(200);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    // the test clock stands in January 2026 (the look-up's month)
    const PERIOD = '?from=2025-10&to=2026-01';
    const statistics = (cookie: string, query = PERIOD) =>
      call(t, cookie, 'GET', `/api/v1/statistics${query}`);
    const exported = (cookie: string, query = PERIOD) =>
      call(t, cookie, 'GET', `/api/v1/statistics/export${query}`);

    it('shows registrars and the data protection officer the counts of a period', async () => {
      for (const cookie of [dpo, cast.registrarA]) {
        const answer = await statistics(cookie);
        expect(answer.statusCode).toBe(200);
        expect(answer.headers['cache-control']).toContain('no-store');
        const body = answer.json();
        expect(body.period).toEqual({ from: '2025-10', to: '2026-01' });
        expect(body.minimumCount).toBe(5);
        expect(body.incidents.byMonth.total).toBe(9);
        expect(body.incidents.byCategory.rows).toContainEqual({
          key: 'threat',
          label: null,
          count: 7,
        });
      }
    });

    it('withholds small counts, and the counts that would give them away by difference', async () => {
      const body = (await statistics(dpo)).json();
      const months = body.incidents.byMonth;
      // 2 in November is small; 9 − 7 would reveal it, so October is withheld too
      expect(months.rows).toEqual([
        { key: '2025-10', label: null, count: null },
        { key: '2025-11', label: null, count: null },
        { key: '2025-12', label: null, count: 0 },
        { key: '2026-01', label: null, count: 0 },
      ]);
      expect(months.total).toBe(9);
      const levels = Object.fromEntries(
        body.incidents.byLevel.rows.map((r: { key: string; count: number | null }) => [
          r.key,
          r.count,
        ]),
      );
      expect(levels).toEqual({ '0': 0, '1': null, '2': null, '3': 0, none: 0 });
      // insult: 2, withheld; no total to subtract from (categories overlap)
      expect(body.incidents.byCategory.rows).toContainEqual({
        key: 'insult',
        label: null,
        count: null,
      });
      // one look-up: withheld in its cell, its department's row and the grand total
      const lookups = body.lookups;
      expect(lookups.rows).toEqual([
        { key: 'TEST-32', label: { de: 'Ordnungsamt (Test)', en: 'Ordnungsamt (Test)' } },
      ]);
      const homeVisit = lookups.columns.findIndex((c: { key: string }) => c.key === 'home_visit');
      expect(homeVisit).toBeGreaterThanOrEqual(0);
      expect(lookups.cells[0][homeVisit]).toBeNull();
      expect(lookups.rowTotals).toEqual([null]);
      expect(lookups.columnTotals[homeVisit]).toBeNull();
      expect(lookups.total).toBeNull();
      // no count from 1 to 4 anywhere in the answer
      const counts = JSON.stringify(body).match(/"(?:count|total)":\d+/g) ?? [];
      for (const c of counts)
        expect(Number(c.split(':')[1]) === 0 || Number(c.split(':')[1]) >= 5).toBe(true);
    });

    it('holds no personal data: no name, no file number, no id of a person', async () => {
      const text = (await statistics(dpo)).body + (await exported(dpo)).body;
      expect(text).not.toContain(NAME);
      expect(text).not.toContain('Konrad');
      expect(text).not.toContain('OA-2026/0777');
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    });

    it('exports the same counts as CSV, small ones empty with a note', async () => {
      const answer = await exported(cast.registrarB);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toContain('text/csv');
      expect(answer.headers['content-disposition']).toContain('Statistik_2025-10_2026-01.csv');
      expect(answer.body.startsWith('\ufeff')).toBe(true);
      const rows = semicolonCsv(answer.body.replace(/^\ufeff/, ''));
      const find = (table: string, row: string, column = '') =>
        rows.find((r) => r.Tabelle === table && r.Zeile === row && r.Spalte === column);
      expect(find('Meldungen je Monat', '2025-11')).toMatchObject({
        Von: '2025-10',
        Bis: '2026-01',
        Anzahl: '',
        Hinweis: expect.stringContaining('gesperrt'),
      });
      expect(find('Meldungen je Monat', '2025-10')?.Anzahl).toBe('');
      expect(find('Meldungen je Monat', 'Summe')?.Anzahl).toBe('9');
      expect(find('Meldungen nach Art (mehrere je Meldung möglich)', 'Bedrohung')?.Anzahl).toBe(
        '7',
      );
      expect(find('Abfragen nach Dienststelle und Grund', 'Summe', 'Summe')?.Anzahl).toBe('');
      for (const row of rows) expect(['1', '2', '3', '4']).not.toContain(row.Anzahl);
    });

    it('records every read and every export in the audit log, with the period', async () => {
      const before = await auditCount(t, 'statistics.read');
      const beforeExport = await auditCount(t, 'statistics.export');
      await statistics(dpo);
      await exported(dpo);
      expect(await auditCount(t, 'statistics.read')).toBe(before + 1);
      expect(await auditCount(t, 'statistics.export')).toBe(beforeExport + 1);
      const [last] = rowsOf<{ details: unknown }>(
        await t.database.db.execute(
          sql`SELECT details FROM audit_events WHERE action = 'statistics.export' ORDER BY seq DESC LIMIT 1`,
        ),
      );
      const details = typeof last!.details === 'string' ? JSON.parse(last!.details) : last!.details;
      expect(details).toEqual({ period: { from: '2025-10', to: '2026-01' } });
    });

    it('is refused to field staff, reporters and the signed-out', async () => {
      for (const cookie of [cast.field, cast.reporter]) {
        expect((await statistics(cookie)).statusCode).toBe(403);
        expect((await exported(cookie)).statusCode).toBe(403);
      }
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/statistics' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('refuses a bad period with 400 naming the field, never 500', async () => {
      const cases: [string, string, string][] = [
        ['?from=2025-13', 'request.invalid', 'from'],
        ['?to=25-11', 'request.invalid', 'to'],
        ['?from=2025-10-01', 'request.invalid', 'from'],
        ['?from=2025-11&to=2025-10', 'statistics.period_reversed', 'to'],
        ['?from=2015-01&to=2025-10', 'statistics.period_too_long', 'from'],
        ['?from=%00', 'request.invalid', 'from'],
      ];
      for (const [query, code, field] of cases) {
        for (const answer of [await statistics(dpo, query), await exported(dpo, query)]) {
          expect(answer.statusCode, query).toBe(400);
          expect(answer.json().code, query).toBe(code);
          expect(answer.json().errors[0].field, query).toBe(field);
        }
      }
    });

    it('defaults to the oldest report up to the current month', async () => {
      const body = (await statistics(dpo, '')).json();
      // the test clock stands in January 2026
      expect(body.period).toEqual({ from: '2025-10', to: '2026-01' });
      expect(body.incidents.byMonth.rows).toHaveLength(4);
      expect(body.incidents.byMonth.total).toBe(9);
    });

    it('answers parallel reads alike, each audited', async () => {
      const before = await auditCount(t, 'statistics.read');
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => statistics(cast.registrarA)),
      );
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      expect(await auditCount(t, 'statistics.read')).toBe(before + 6);
    });
  });
}

/** The export's lines as header-keyed rows (its cells here hold no `;` and no quotes). */
function semicolonCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

async function auditCount(t: TestApp, action: string) {
  const [row] = rowsOf<{ n: number | string }>(
    await t.database.db.execute(
      sql`SELECT count(*) AS n FROM audit_events WHERE action = ${action}`,
    ),
  );
  return Number(row!.n);
}
