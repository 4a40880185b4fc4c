import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { findAuditTerms } from '../audit/audit.repository.js';
import { createVisitsService } from './visits.service.js';
import {
  createFixtureRegistrar,
  loadFixturePersons,
  type FixturePerson,
} from '../lookup/lookup.fixtures.js';

const PURPOSE = { fileNumber: 'VD-2026/17', reason: 'enforcement' };
const ACTIVE = { status: 'active' as const };

/** The register of the tests (the test clock stands at 2026-01-15). */
const PEOPLE: FixturePerson[] = [
  {
    familyName: 'Meyer',
    givenNames: 'Hans',
    dateOfBirth: '1980-05-17',
    addresses: [{ street: 'Hauptstraße', houseNumber: '12a', postalCode: '52062', city: 'Aachen' }],
    listing: { ...ACTIVE, level: 3, categories: ['weapon_or_tool'], precautions: ['pairs_only'] },
  },
  { familyName: 'Yılmaz', givenNames: 'Ayşe', dateOfBirth: '1980-11-02', listing: ACTIVE },
  { familyName: 'Becker', givenNames: 'Tom', listing: { status: 'proposed' } },
];

for (const target of engines) {
  describe.skipIf(target.skip)(`visit lists ${engineTitle(target)}`, () => {
    let t: TestApp;
    let field: string;
    let fieldId: string;
    let registrar: string;
    let reporter: string;

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine, env: { ZEMAG_VISIT_LIST_HOURS: '8' } });
      const { userId } = await createFixtureRegistrar({ db: t.database.db });
      await loadFixturePersons({ db: t.database.db, people: PEOPLE, registrarId: userId });
      const f = await createTestUser(t, { roles: ['reporter', 'field'] });
      fieldId = f.user.id;
      field = (await signIn(t.app, f)).cookie;
      registrar = (
        await signIn(t.app, await createTestUser(t, { roles: ['reporter', 'registrar'] }))
      ).cookie;
      reporter = (await signIn(t.app, await createTestUser(t, { roles: ['reporter'] }))).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const check = (cookie: string, text: string, purpose: unknown = PURPOSE) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/visit-lists',
        headers: { cookie },
        payload: { purpose, text },
      });
    const names = (line: { result: { candidates: { familyName: string }[] } | null }) =>
      line.result?.candidates.map((c) => c.familyName) ?? null;

    it('answers every line of a pasted list, finds variant spellings and names the bad line', async () => {
      const before = await t.database.db.select().from(auditEvents);
      const response = await check(
        field,
        [
          'Maier, Hans, 17.05.1980',
          '',
          'Hauptstr. 12 A, 52062 Aachen',
          'Yilmaz Ayse 1980',
          'Niemand, Karl',
          'Schmidt, Peter, 31.02.1980',
        ].join('\n'),
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.json();
      expect(body.createdAt).toBe(t.clock.now().toISOString());
      expect(Date.parse(body.keepUntil) - Date.parse(body.createdAt)).toBe(8 * 3_600_000);
      expect(body.purpose).toEqual(PURPOSE);
      expect(body.lines.map((l: { line: number }) => l.line)).toEqual([1, 3, 4, 5, 6]);
      expect(body.lines.map(names)).toEqual([['Meyer'], ['Meyer'], ['Yılmaz'], [], null]);
      expect(body.lines[0]).toMatchObject({
        input: 'Maier, Hans, 17.05.1980',
        query: { familyName: 'Maier', givenNames: 'Hans', dateOfBirth: '1980-05-17' },
        error: null,
        result: {
          view: 'field',
          candidates: [{ level: 3, precautions: [{ code: 'pairs_only' }] }],
        },
      });
      expect(body.lines[3].result.notice.de).toContain('Kein Eintrag gefunden');
      expect(body.lines[4]).toMatchObject({
        query: null,
        result: null,
        error: { field: 'dateOfBirth' },
      });
      expect(body.lines[4].error.message.de).toMatch(/TT\.MM\.JJJJ/);

      // Every line that was looked up is audited with the list's purpose, plus one summary.
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(gt(auditEvents.seq, Math.max(0, ...before.map((e) => e.seq))))
        .orderBy(auditEvents.seq);
      expect(events.map((e) => e.action)).toEqual([
        ...Array(4).fill('register.lookup'),
        'register.visit_list',
      ]);
      for (const event of events) {
        expect(event).toMatchObject({ actorId: fieldId, purpose: 'Vollstreckung: VD-2026/17' });
      }
      expect(events[0]!.details).toMatchObject({
        reason: 'enforcement',
        fileNumber: 'VD-2026/17',
        view: 'field',
        termsDigest: expect.any(String),
      });
      // The names typed are kept apart from the chain, where retention can delete them.
      expect(events[0]!.details).not.toHaveProperty('query');
      const terms = await findAuditTerms({ db: t.database.db, seqs: [events[0]!.seq] });
      expect(terms.get(events[0]!.seq)).toMatchObject({ query: { familyName: 'Maier' } });
      expect(events[4]!).toMatchObject({
        seq: body.auditSeq,
        details: {
          entries: 5,
          lookedUp: 4,
          unreadable: 1,
          withCandidates: 3,
          format: 'lines',
          lookupSeqs: events.slice(0, 4).map((e) => e.seq),
        },
      });
    });

    it('reads an uploaded CSV with German headers', async () => {
      const response = await check(
        field,
        'Nachname;Vorname;Geburtsdatum;Straße;Hausnummer;PLZ;Ort\nMeier;Hans;;Hauptstraße;12a;52062;Aachen\n;;;;;;Aachen\n',
      );
      expect(response.statusCode).toBe(200);
      const { lines } = response.json();
      expect(lines.map(names)).toEqual([['Meyer'], null]);
      expect(lines[0].result.candidates[0].matchedAddress).toMatchObject({ street: 'Hauptstraße' });
      expect(lines[1]).toMatchObject({ line: 3, error: { field: 'address.street' } });
    });

    it('never shows field staff incident references or ids; registrars see proposed listings', async () => {
      const fieldAnswer = await check(field, 'Meyer, Hans, 17.05.1980\nBecker, Tom');
      expect(fieldAnswer.json().lines.map(names)).toEqual([['Meyer'], []]);
      expect(fieldAnswer.body).not.toMatch(/"(incidents|personId|listing|score)"/);
      const registrarAnswer = await check(registrar, 'Becker, Tom');
      expect(registrarAnswer.json().lines[0].result).toMatchObject({
        view: 'registrar',
        candidates: [{ familyName: 'Becker', listing: { status: 'proposed', incidents: [] } }],
      });
    });

    it('refuses more than 100 entries and an empty list, naming the text, and audits nothing', async () => {
      const before = await t.database.db.select().from(auditEvents);
      const many = Array.from({ length: 101 }, (_, i) => `Meyer${i}, Hans`).join('\n');
      const tooMany = await check(field, many);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json()).toMatchObject({
        code: 'visit_list.too_many_entries',
        errors: [{ field: 'text' }],
      });
      expect(tooMany.json().detail.de).toContain('höchstens 100');
      expect(tooMany.json().detail.en).toContain('at most 100');
      const csvMany = await check(field, `Nachname\n${many}`);
      expect(csvMany.json().code).toBe('visit_list.too_many_entries');
      for (const text of ['', ' \n \n', 'Nachname;Vorname\n']) {
        const empty = await check(field, text);
        expect(empty.statusCode).toBe(400);
        expect(empty.json()).toMatchObject({
          code: 'visit_list.empty',
          errors: [{ field: 'text' }],
        });
      }
      const reason = await check(field, 'Meyer', { fileNumber: 'VD 2026/1', reason: 'curiosity' });
      expect(reason.json()).toMatchObject({ code: 'lookup.reason_unknown' });
      for (const fileNumber of ['-', 'x', '123']) {
        const placeholder = await check(field, 'Meyer', { fileNumber, reason: 'enforcement' });
        expect(placeholder.statusCode).toBe(400);
        expect(placeholder.json()).toMatchObject({
          code: 'lookup.file_number_invalid',
          errors: [{ field: 'purpose.fileNumber' }],
        });
      }
      const noPurpose = await t.app.inject({
        method: 'POST',
        url: '/api/v1/visit-lists',
        headers: { cookie: field },
        payload: { text: 'Meyer' },
      });
      expect(noPurpose.statusCode).toBe(400);
      const after = await t.database.db.select().from(auditEvents);
      expect(after.filter((e) => e.action.startsWith('register.'))).toHaveLength(
        before.filter((e) => e.action.startsWith('register.')).length,
      );
    });

    it('answers garbage with line errors or 400, never 500', async () => {
      for (const text of [
        '"',
        ';;;;\n;;;',
        'Straße;"\n\n"x',
        '\u0000\u0001\u0002',
        '---\n...\n12',
        'Nachname,Vorname\n"Meyer,Hans\n',
        'x'.repeat(5000),
        `${'Meyer '.repeat(40)}, Hans`,
      ]) {
        const response = await check(field, text);
        expect([200, 400], JSON.stringify(text.slice(0, 40))).toContain(response.statusCode);
      }
      const tooLong = await check(field, 'x'.repeat(100_001));
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().errors.map((e: { field: string }) => e.field)).toContain('text');
    });

    it('audits all lines or none: a failure in one line rolls back the look-ups before it', async () => {
      const before = await t.database.db.select().from(auditEvents);
      let calls = 0;
      const failing = createVisitsService({
        db: t.database.db,
        audit: t.services.audit,
        clock: t.clock,
        lookup: {
          checkPurpose: t.services.lookup.checkPurpose,
          async lookup(input) {
            calls += 1;
            if (calls === 2) throw new Error('database gone');
            return t.services.lookup.lookup(input);
          },
        },
      });
      await expect(
        failing.check({
          actor: { id: fieldId, abilities: ['register.lookup'] },
          request: { purpose: PURPOSE, text: 'Meyer, Hans\nYilmaz, Ayse\nBecker, Tom' },
        }),
      ).rejects.toThrow('database gone');
      expect(calls).toBe(2);
      expect(await t.database.db.select().from(auditEvents)).toHaveLength(before.length);
    });

    it('is only for staff who may look up', async () => {
      expect((await check(reporter, 'Meyer')).statusCode).toBe(403);
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/visit-lists',
        payload: { purpose: PURPOSE, text: 'Meyer' },
      });
      expect(anonymous.statusCode).toBe(401);
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'register.visit_list'), eq(auditEvents.actorId, fieldId)),
        );
      expect(events.length).toBeGreaterThan(0);
    });
  });
}
