import { getTableColumns, type Table } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { call as callOn, listedPerson } from '../../test-support/subject-requests.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { corrections } from '../corrections/corrections.table.js';
import { departments } from '../departments/departments.table.js';
import { incidentPersons, incidents } from '../incidents/incidents.table.js';
import { listingHistory, listings } from '../listings/listings.table.js';
import { lookupDisclosures } from '../lookup/lookup.table.js';
import { personAddresses, personNames, persons } from '../persons/persons.table.js';
import { subjectRequests } from './subject-requests.table.js';

const BASE = '/api/v1/subject-requests';

for (const target of engines) {
  describe.skipIf(target.skip)(`the access answer and erasure ${engineTitle(target)}`, () => {
    let t: TestApp;
    const cookies = { reporter: '', registrarA: '', registrarB: '' };
    let ids: Awaited<ReturnType<typeof listedPerson>>;
    let staffNames: string[];
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      t.clock.set(new Date('2026-02-10T09:00:00Z'));
      const users = [
        await createTestUser(t, { roles: ['reporter'] }),
        await createTestUser(t, { roles: ['reporter', 'registrar'] }),
        await createTestUser(t, { roles: ['reporter', 'registrar'] }),
      ];
      staffNames = users.map((u) => u.user.displayName);
      cookies.reporter = (await signIn(t.app, users[0]!)).cookie;
      cookies.registrarA = (await signIn(t.app, users[1]!)).cookie;
      cookies.registrarB = (await signIn(t.app, users[2]!)).cookie;
      ids = await listedPerson(t, cookies, 'Muster', 'Max');
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);
    const record = async (personId: string, kind = 'access') => {
      const created = await call(cookies.registrarA, 'POST', BASE, {
        personId,
        kind,
        receivedOn: '2026-02-02',
        identityCheck: 'Personalausweis vorgelegt',
      });
      expect(created.statusCode).toBe(201);
      return created.json().id as string;
    };

    /** Two departments saw the person: one recorded in lookup_disclosures, one only in the audit. */
    async function disclose() {
      const now = new Date('2026-02-03T10:00:00Z');
      const [sozial, jugend] = await t.database.db
        .insert(departments)
        .values([
          { code: 'SOZ', name: 'Sozialamt Test', createdAt: now, updatedAt: now },
          { code: 'JUG', name: 'Jugendamt Test', createdAt: now, updatedAt: now },
        ])
        .returning();
      const field = await createTestUser(t, { roles: ['reporter'], departmentId: jugend!.id });
      await t.database.db.transaction(async (tx) => {
        const { seq } = await t.services.audit.record({
          tx,
          actor: field.user.id,
          action: 'register.lookup',
          details: { personIds: [ids.personId] },
        });
        await t.services.audit.record({
          tx,
          actor: field.user.id,
          action: 'register.lookup',
          details: { personIds: [ids.personId] },
        });
        await tx.insert(lookupDisclosures).values({
          personId: ids.personId,
          departmentId: sozial!.id,
          occurredAt: now,
          auditSeq: seq,
        });
      });
      return field.user.displayName;
    }

    it('exports every stored column of the person, withholding staff and third parties with reasons', async () => {
      const fieldName = await disclose();
      await t.database.db
        .insert(personNames)
        .values({ personId: ids.personId, kind: 'birth', familyName: 'Geborene' });
      await t.database.db.insert(corrections).values({
        personId: ids.personId,
        actorId: (await t.database.db.select().from(listings))[0]!.proposedBy,
        reason: 'Schreibweise des Vornamens',
        changes: { givenNames: { from: 'Maks', to: 'Max' } },
        at: new Date('2026-02-04T10:00:00Z'),
      });
      const id = await record(ids.personId);
      const response = await call(cookies.registrarB, 'GET', `${BASE}/${id}/access.json`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="Auskunft-BA-/,
      );
      const data = response.json();

      const sections: [Table, Record<string, unknown>[]][] = [
        [persons, [data.person]],
        [personNames, data.aliases],
        [personAddresses, data.addresses],
        [incidents, data.incidents],
        [incidentPersons, data.incidents.flatMap((i: { involvement: unknown[] }) => i.involvement)],
        [listings, data.listings],
        [listingHistory, data.listings.flatMap((l: { history: unknown[] }) => l.history)],
        [corrections, data.corrections],
        [subjectRequests, data.subjectRequests],
        [lookupDisclosures, data.disclosures],
      ];
      for (const [table, rows] of sections) {
        expect(
          rows.length,
          `rows of ${Object.keys(getTableColumns(table)).join()}`,
        ).toBeGreaterThan(0);
        for (const row of rows) {
          for (const column of Object.keys(getTableColumns(table))) {
            expect(row, `column ${column}`).toHaveProperty(column);
          }
        }
      }
      expect(data.person).toMatchObject({ familyName: 'Muster', givenNames: 'Max' });
      expect(data.aliases[0]).toMatchObject({ familyName: 'Geborene' });
      expect(data.addresses[0]).toMatchObject({ street: 'Hauptstraße', city: 'X' });
      expect(data.listings[0]).toMatchObject({
        proposedBy: 'Registerstelle',
        activatedBy: 'Registerstelle',
        status: 'active',
      });
      expect(data.letters).toEqual([expect.objectContaining({ state: 'pending', sentOn: null })]);
      expect(data.incidents[0]).toMatchObject({
        reporterId: expect.stringContaining('zurückgehalten'),
        otherPersonsWithheld: 1,
      });
      expect(
        data.disclosures.map((d: { department: string; source: string }) => [
          d.department,
          d.source,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['Sozialamt Test', 'lookup_disclosures'],
          ['Jugendamt Test', 'audit'],
        ]),
      );
      expect(data.disclosures).toHaveLength(2);
      expect(data.withheld.map((w: { reason: { de: string } }) => w.reason.de).join()).toContain(
        'Art. 15 Abs. 4 DSGVO',
      );
      const text = JSON.stringify(data);
      for (const name of [...staffNames, fieldName, 'Zeugin']) expect(text).not.toContain(name);
    });

    it('prints the answer as a letter signed by the office, and audits both downloads', async () => {
      const id = await record(ids.personId);
      const response = await call(cookies.registrarB, 'GET', `${BASE}/${id}/access.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['cache-control']).toBe('no-store');
      const { text } = await pdfText(new Uint8Array(response.rawPayload));
      expect(text).toContain('Auskunft über Ihre Daten im Register ZeMAG (Art. 15 DSGVO)');
      expect(text).toContain('Guten Tag Max Muster,');
      expect(text).toContain('Sozialamt Test');
      expect(text).toContain('Art. 15 Abs. 4 DSGVO');
      expect(text).toContain('Ordnungsamt – ZeMAG-Stelle');
      for (const name of staffNames) expect(text).not.toContain(name);
      const audit = await t.database.db.query.auditEvents.findMany({
        where: (e, { eq }) => eq(e.subjectId, id),
      });
      expect(audit.map((e) => e.action)).toContain('subject_request.access_export');
      expect(JSON.stringify(audit.map((e) => e.details))).not.toContain('Muster');
    });

    it('refuses a PDF it cannot print, naming the field; the JSON still has everything', async () => {
      const other = await listedPerson(t, cookies, '김', 'Ji-ho');
      const id = await record(other.personId);
      const pdf = await call(cookies.registrarB, 'GET', `${BASE}/${id}/access.pdf`);
      expect(pdf.statusCode).toBe(422);
      expect(pdf.json()).toMatchObject({
        code: 'subject_request.export_unprintable',
        errors: [{ field: 'person.familyName' }],
      });
      const json = await call(cookies.registrarB, 'GET', `${BASE}/${id}/access.json`);
      expect(json.json().person.familyName).toBe('김');
      const audit = await t.database.db.query.auditEvents.findMany({
        where: (e, { eq }) => eq(e.subjectId, id),
      });
      expect(audit.map((e) => e.action).sort()).toEqual([
        'subject_request.access_export',
        'subject_request.access_export_refused',
        'subject_request.record',
      ]);
    });

    it('erases on a second registrar’s confirmation: 403 for the proposer, one erasure of eight', async () => {
      const target = await listedPerson(t, cookies, 'Löschmann', 'Lena');
      const id = await record(target.personId, 'erasure');
      const early = await call(cookies.registrarB, 'POST', `${BASE}/${id}/erasure/confirm`);
      expect(early.statusCode).toBe(409);
      const proposed = await call(cookies.registrarA, 'POST', `${BASE}/${id}/erasure/propose`);
      expect(proposed.statusCode).toBe(200);
      expect(proposed.json()).toMatchObject({ erasureProposed: true });
      const own = await call(cookies.registrarA, 'POST', `${BASE}/${id}/erasure/confirm`);
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('subject_request.same_registrar');
      const confirms = await Promise.all(
        Array.from({ length: 8 }, () =>
          call(cookies.registrarB, 'POST', `${BASE}/${id}/erasure/confirm`),
        ),
      );
      expect(confirms.map((c) => c.statusCode).sort()).toEqual([200, ...Array(7).fill(409)]);
      const after = await call(cookies.registrarB, 'GET', `${BASE}/${id}`);
      expect(after.json()).toMatchObject({
        status: 'answered',
        decision: 'granted',
        personId: null,
        person: null,
      });
      const person = await t.database.db.query.persons.findFirst({
        where: (p, { eq }) => eq(p.id, target.personId),
      });
      expect(person).toBeUndefined();
      const again = await call(cookies.registrarB, 'POST', `${BASE}/${id}/erasure/confirm`);
      expect(again.statusCode).toBe(409);
      const audit = await t.database.db.query.auditEvents.findMany({
        where: (e, { eq }) => eq(e.action, 'subject_request.erasure_confirm'),
      });
      expect(audit).toHaveLength(1);
      const json = await call(cookies.registrarB, 'GET', `${BASE}/${id}/access.json`);
      expect(json.statusCode).toBe(409);
    });
  });
}
