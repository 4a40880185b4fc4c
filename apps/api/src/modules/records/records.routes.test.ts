import type { RecordsOfProcessing } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../local-date.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import { call, signedIn, signInCast, type Cast } from '../../test-support/register.js';

const URL = '/api/v1/records-of-processing';
const HOSTILE = 'Amt | für *Sonder*_fälle_ <b>x</b>';

for (const target of engines) {
  describe.skipIf(target.skip)(`the record of processing ${engineTitle(target)}`, () => {
    let t: TestApp;
    let cast: Cast;
    let dpo: string;
    let admin: string;

    beforeAll(async () => {
      t = await buildTestApp({
        engine: target.engine,
        env: {
          ZEMAG_RETENTION_AUDIT_EVENTS_MONTHS: '36',
          ZEMAG_RETENTION_REJECTED_REPORTS_MONTHS: '3',
          ZEMAG_CITY_NAME: 'Beispielstadt',
          ZEMAG_RECORDS_LEGAL_BASIS: 'Art. 6 Abs. 1 Buchst. e DSGVO|§ 3 DSG Beispielland',
        },
      });
      cast = await signInCast(t); // the field user is in the authorised TEST-32
      dpo = await signedIn(t, ['dpo']);
      admin = await signedIn(t, ['admin']);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    const read = async (cookie = dpo) => {
      const answer = await call(t, cookie, 'GET', URL);
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json<RecordsOfProcessing>();
    };

    it('states the retention periods, city and legal basis the server runs with', async () => {
      const record = await read();
      const period = (code: string) => record.retention.find((r) => r.code === code);
      expect(period('audit_events')).toMatchObject({
        value: '36 Monate',
        setting: 'ZEMAG_RETENTION_AUDIT_EVENTS_MONTHS',
        isDefault: false,
      });
      expect(period('rejected_reports')?.value).toBe('3 Monate');
      expect(period('closed_listings')).toMatchObject({ value: '12 Monate', isDefault: true });
      expect(record.controller.name).toBe('Stadt Beispielstadt');
      expect(record.legalBasis).toMatchObject({
        paragraphs: ['Art. 6 Abs. 1 Buchst. e DSGVO', '§ 3 DSG Beispielland'],
        isDefault: false,
      });
      expect(record.measures.find((m) => m.code === 'database')?.value).toMatch(
        target.engine === 'pglite' ? /^eingebettete PostgreSQL-Datenbank/ : /^PostgreSQL-Server/,
      );
    });

    it('names the authorised departments with the staff whose look-up role is in force', async () => {
      const before = await read();
      expect(before.recipients.departments).toEqual([
        {
          code: 'TEST-32',
          name: 'Ordnungsamt (Test)',
          reason: 'Hausbesuche im Vollzugsdienst',
          fieldUsers: 1,
        },
      ]);
      expect(before.recipients.roles.find((r) => r.role === 'registrar')?.holders).toBe(2);

      // the administrator authorises another department (a name with table characters)
      const created = await call(t, admin, 'POST', '/api/v1/departments', {
        code: 'SOZ-50',
        name: HOSTILE,
        phone: '0221 221-12345',
        lookupAuthorised: true,
        lookupAuthorisationReason: 'Hausbesuche | Leistungsprüfung',
      });
      expect(created.statusCode, created.body).toBe(201);
      const after = await read(admin);
      expect(after.recipients.departments.map((d) => [d.code, d.name, d.fieldUsers])).toEqual([
        ['SOZ-50', HOSTILE, 0],
        ['TEST-32', 'Ordnungsamt (Test)', 1],
      ]);

      const file = await call(t, dpo, 'GET', `${URL}/export`);
      const row = file.body.split('\n').find((l) => l.startsWith('| SOZ-50 |'));
      expect(row).toBe(
        '| SOZ-50 | Amt \\| für \\*Sonder\\*\\_fälle\\_ \\<b\\>x\\</b\\> | Hausbesuche \\| Leistungsprüfung | 0 |',
      );
    });

    it('exports the record as a Markdown file named with the date', async () => {
      const file = await call(t, dpo, 'GET', `${URL}/export`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(file.headers['cache-control']).toBe('no-store');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="verzeichnis-verarbeitungstaetigkeiten-${localDate(t.clock.now(), 'Europe/Berlin')}.md"`,
      );
      expect(file.body).toMatch(/^# Verzeichnis von Verarbeitungstätigkeiten/);
      expect(file.body).toContain('| Protokoll (wer hat was gelesen oder geändert) | 36 Monate |');
    });

    it('audits every read and export in the audit log', async () => {
      const count = async (action: string) => {
        const found = await call(t, dpo, 'POST', '/api/v1/audit/events/search', {
          action,
          limit: 200,
        });
        return found.json().events as { actor: { id: string } | null; details: object }[];
      };
      const reads = (await count('records.read')).length;
      const exports = (await count('records.export')).length;
      await read(admin);
      await call(t, dpo, 'GET', `${URL}/export`);
      const newest = await count('records.read');
      expect(newest).toHaveLength(reads + 1);
      expect(newest[0]?.details).toMatchObject({ departments: 2, legalBasisIsDefault: false });
      expect(await count('records.export')).toHaveLength(exports + 1);
      expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
    });

    it('is for the data protection officer and the administrators only', async () => {
      for (const cookie of [cast.reporter, cast.field, cast.registrarA]) {
        expect((await call(t, cookie, 'GET', URL)).statusCode).toBe(403);
        expect((await call(t, cookie, 'GET', `${URL}/export`)).statusCode).toBe(403);
      }
      expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: `${URL}/export` })).statusCode).toBe(401);
    });
  });
}
