import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { termsDigest } from '../audit/audit.service.js';
import { auditEvents, auditTerms } from '../audit/audit.table.js';
import { users } from '../identity/identity.table.js';
import { personNames } from '../persons/persons.table.js';
import {
  createFixtureRegistrar,
  loadFixturePersons,
  type FixturePerson,
} from './lookup.fixtures.js';
import { refreshSearchKeys } from './lookup.service.js';
import { lookupDisclosures } from './lookup.table.js';

const PURPOSE = { fileNumber: 'OA-2026/0815', reason: 'home_visit' };
const ACTIVE = { status: 'active' as const };

/** The register of the tests (the test clock stands at 2026-01-15). */
const PEOPLE: (FixturePerson & { key: string })[] = [
  {
    key: 'meyer',
    familyName: 'Meyer',
    givenNames: 'Hans Peter',
    dateOfBirth: '1975-03-12',
    addresses: [{ street: 'Kölner Straße', houseNumber: '12a', postalCode: '50667', city: 'Köln' }],
    listing: {
      ...ACTIVE,
      level: 3,
      categories: ['weapon_or_tool'],
      precautions: ['pairs_only', 'police_escort'],
      precautionsText: 'Hund im Hof',
      validUntil: '2027-06-30',
    },
  },
  {
    key: 'muhammad',
    familyName: 'Muhammad',
    givenNames: 'Ali',
    dateOfBirth: '1990',
    listing: ACTIVE,
  },
  {
    key: 'yilmaz',
    familyName: 'Yılmaz',
    givenNames: 'Ayşe',
    dateOfBirth: '1982-11-02',
    listing: ACTIVE,
  },
  {
    key: 'mueller',
    familyName: 'Müller-Lüdenscheidt',
    givenNames: 'Karl',
    dateOfBirth: '1960-01-01',
    listing: ACTIVE,
  },
  {
    key: 'schmidt',
    familyName: 'Schmidt',
    givenNames: 'Peter',
    dateOfBirth: '1980-05-07',
    listing: ACTIVE,
  },
  {
    key: 'married',
    familyName: 'Schmitz',
    givenNames: 'Lena',
    dateOfBirth: '1985-08-20',
    names: [{ kind: 'former', familyName: 'Kowalczyk' }],
    listing: ACTIVE,
  },
  { key: 'proposed', familyName: 'Becker', givenNames: 'Tom', listing: { status: 'proposed' } },
  {
    key: 'restricted',
    familyName: 'Wagner',
    givenNames: 'Uwe',
    listing: { ...ACTIVE, restricted: true },
  },
  { key: 'expired', familyName: 'Fischer', givenNames: 'Eva', listing: { status: 'expired' } },
  {
    key: 'overdue',
    familyName: 'Weber',
    givenNames: 'Ina',
    listing: { ...ACTIVE, validUntil: '2025-12-31' },
  },
  { key: 'unlisted', familyName: 'Hoffmann', givenNames: 'Jan', listing: null },
];

for (const target of engines) {
  describe.skipIf(target.skip)(`look-up ${engineTitle(target)}`, () => {
    let t: TestApp;
    let field: string;
    let fieldId: string;
    let fieldDepartmentId: string | null;
    let registrar: string;
    const ids = new Map<string, string>();

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      const { userId } = await createFixtureRegistrar({ db: t.database.db });
      const loaded = await loadFixturePersons({
        db: t.database.db,
        people: PEOPLE,
        registrarId: userId,
      });
      PEOPLE.forEach((p, i) => ids.set(p.key, loaded[i]!));
      const f = await createTestUser(t, { roles: ['reporter', 'field'] });
      fieldId = f.user.id;
      const [account] = await t.database.db
        .select({ departmentId: users.departmentId })
        .from(users)
        .where(eq(users.id, fieldId));
      fieldDepartmentId = account!.departmentId;
      field = (await signIn(t.app, f)).cookie;
      registrar = (
        await signIn(t.app, await createTestUser(t, { roles: ['reporter', 'registrar'] }))
      ).cookie;
    });
    afterAll(async () => {
      await t?.close();
    });

    const lookup = (cookie: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/lookups',
        headers: { cookie },
        payload: { purpose: PURPOSE, ...payload },
      });

    it('finds spelling and sound variants through the real SQL', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ familyName: 'Maier', givenNames: 'Hans', dateOfBirth: '1975-03-12' }, 'Meyer'],
        [{ familyName: 'Mohamed', givenNames: 'Ali' }, 'Muhammad'],
        [{ familyName: 'Yilmaz', dateOfBirth: '1982' }, 'Yılmaz'],
        [{ familyName: 'Müller', givenNames: 'Karl' }, 'Müller-Lüdenscheidt'],
        [{ familyName: 'Lüdenscheidt', dateOfBirth: '1960-01-01' }, 'Müller-Lüdenscheidt'],
        // day and month swapped
        [{ familyName: 'Schmidt', dateOfBirth: '1980-07-05' }, 'Schmidt'],
        // a typo
        [{ familyName: 'Schmdit', givenNames: 'Peter', dateOfBirth: '1980-05-07' }, 'Schmidt'],
        // the former (birth) name
        [{ familyName: 'Kowalczyk', givenNames: 'Lena' }, 'Schmitz'],
        // the family name changed, given name and date of birth the same
        [{ familyName: 'Neumann', givenNames: 'Lena', dateOfBirth: '1985-08-20' }, 'Schmitz'],
      ];
      for (const [query, expected] of cases) {
        const response = await lookup(field, query);
        expect(response.statusCode, JSON.stringify(query)).toBe(200);
        const names = response.json().candidates.map((c: { familyName: string }) => c.familyName);
        expect(names, JSON.stringify(query)).toContain(expected);
      }
    });

    it('gives field staff the minimal answer: precautions as text, whom to call, no ids or incidents', async () => {
      const response = await lookup(field, {
        familyName: 'Meyer',
        givenNames: 'Hans',
        dateOfBirth: '1975-03-12',
        address: { street: 'Koelner Str. 12 A', postalCode: '50667' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = response.json();
      expect(body.view).toBe('field');
      expect(body.candidates).toHaveLength(1);
      const [hit] = body.candidates;
      expect(hit).toMatchObject({
        band: 'sicher',
        familyName: 'Meyer',
        level: 3,
        categories: ['weapon_or_tool'],
        precautions: [
          { code: 'pairs_only', de: 'Nur zu zweit' },
          { code: 'police_escort', de: 'Polizeibegleitung anfordern' },
        ],
        precautionsText: 'Hund im Hof',
        validUntil: '2027-06-30',
        matchedAddress: { street: 'Kölner Straße', houseNumber: '12a', current: true },
        contact: { department: 'ZeMAG-Stelle (Kriminalprävention)', phone: '0221 123-4567' },
      });
      expect(hit.explanation.de).toContain('Nachname stimmt');
      expect(Object.keys(hit)).not.toEqual(
        expect.arrayContaining(['personId', 'listing', 'incidents', 'score']),
      );
      expect(response.body).not.toContain(ids.get('meyer'));
    });

    it('never shows field staff a proposed, restricted, expired, overdue or unlisted person', async () => {
      for (const [familyName, givenNames] of [
        ['Becker', 'Tom'],
        ['Wagner', 'Uwe'],
        ['Fischer', 'Eva'],
        ['Weber', 'Ina'],
        ['Hoffmann', 'Jan'],
      ]) {
        const response = await lookup(field, { familyName, givenNames });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({
          view: 'field',
          candidates: [],
          notice: { de: 'Kein Eintrag gefunden — das bedeutet nicht, dass kein Risiko besteht.' },
        });
      }
    });

    it('shows registrars proposed and restricted listings, marked, with ids', async () => {
      const proposed = (
        await lookup(registrar, { familyName: 'Becker', givenNames: 'Tom' })
      ).json();
      expect(proposed.view).toBe('registrar');
      expect(proposed.candidates[0]).toMatchObject({
        personId: ids.get('proposed'),
        listing: { status: 'proposed', restricted: false, incidents: [] },
      });
      const restricted = (
        await lookup(registrar, { familyName: 'Wagner', givenNames: 'Uwe' })
      ).json();
      expect(restricted.candidates[0].listing).toMatchObject({
        status: 'active',
        restricted: true,
      });
      const expired = (
        await lookup(registrar, { familyName: 'Fischer', givenNames: 'Eva' })
      ).json();
      expect(expired.candidates).toEqual([]);
    });

    it('audits every look-up with query, purpose and the ids shown, also an empty one', async () => {
      const hit = await lookup(field, { familyName: 'Yilmaz', givenNames: 'Ayse' });
      const miss = await lookup(field, { familyName: 'Niemand' });
      for (const [response, shown] of [
        [hit, [ids.get('yilmaz')]],
        [miss, []],
      ] as const) {
        const [event] = await t.database.db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.seq, response.json().auditSeq),
              eq(auditEvents.action, 'register.lookup'),
            ),
          );
        expect(event).toMatchObject({
          actorId: fieldId,
          purpose: 'Hausbesuch: OA-2026/0815',
          details: {
            reason: 'home_visit',
            fileNumber: 'OA-2026/0815',
            view: 'field',
            personIds: shown,
          },
        });
        // The names typed are kept apart from the chain, which holds only their digest.
        expect(event!.details).not.toHaveProperty('query');
        expect(event!.details.termsDigest).toMatch(/^[0-9a-f]{64}$/);
        const [terms] = await t.database.db
          .select()
          .from(auditTerms)
          .where(eq(auditTerms.seq, event!.seq));
        expect(JSON.stringify(terms!.terms)).toContain(shown.length ? 'Yilmaz' : 'Niemand');
        expect(termsDigest(terms!.salt, terms!.terms)).toBe(event!.details.termsDigest);
        // Art. 15: which department was shown the person, and when (not which employee).
        const disclosed = await t.database.db
          .select()
          .from(lookupDisclosures)
          .where(eq(lookupDisclosures.auditSeq, event!.seq));
        expect(disclosed.map((d) => d.personId)).toEqual(shown);
        for (const d of disclosed) expect(d.departmentId).toBe(fieldDepartmentId);
      }
      // Retention may clear the terms: the chain still verifies.
      await t.database.db.execute(sql`DELETE FROM audit_terms`);
      expect(await t.services.audit.verify({ db: t.database.db })).toMatchObject({ ok: true });
    });

    it('finds persons at an address without a name', async () => {
      const response = await lookup(field, {
        address: { street: 'Kölnerstr.', houseNumber: '12 A', postalCode: '50667' },
      });
      expect(response.json().candidates.map((c: { familyName: string }) => c.familyName)).toEqual([
        'Meyer',
      ]);
    });

    it('refuses a look-up without purpose, with an unknown reason or with nothing to search by', async () => {
      const noPurpose = await t.app.inject({
        method: 'POST',
        url: '/api/v1/lookups',
        headers: { cookie: field },
        payload: { familyName: 'Meyer' },
      });
      expect(noPurpose.statusCode).toBe(400);
      expect(noPurpose.json().errors.map((e: { field: string }) => e.field)).toContain('purpose');

      const reason = await lookup(field, {
        familyName: 'Meyer',
        purpose: { fileNumber: 'OA 2026/1', reason: 'curiosity' },
      });
      expect(reason.statusCode).toBe(400);
      expect(reason.json()).toMatchObject({
        code: 'lookup.reason_unknown',
        errors: [{ field: 'purpose.reason' }],
      });

      // A placeholder is no file number: refused at the field, with an example in both languages.
      for (const fileNumber of ['-', 'x', '123', '  12345 ']) {
        const placeholder = await lookup(field, {
          familyName: 'Meyer',
          purpose: { fileNumber, reason: 'home_visit' },
        });
        expect(placeholder.statusCode).toBe(400);
        const problem = placeholder.json();
        expect(problem).toMatchObject({
          code: 'lookup.file_number_invalid',
          errors: [{ field: 'purpose.fileNumber' }],
        });
        expect(problem.errors[0].message.de).toContain('32.1-2026/0815');
        expect(problem.errors[0].message.en).toContain('32.1-2026/0815');
      }

      const nothing = await lookup(field, { givenNames: 'Hans' });
      expect(nothing.statusCode).toBe(400);
      expect(nothing.json().errors.map((e: { field: string }) => e.field)).toContain('familyName');

      const vague = await lookup(field, { familyName: '---' });
      expect(vague.json()).toMatchObject({ code: 'lookup.query_too_vague' });

      const date = await lookup(field, { familyName: 'Meyer', dateOfBirth: '12.03.75' });
      expect(date.statusCode).toBe(400);
      expect(date.json().errors.map((e: { field: string }) => e.field)).toContain('dateOfBirth');
    });

    it('finds a person by a name added later once the search keys are refreshed', async () => {
      const id = ids.get('schmidt')!;
      const before = (
        await lookup(field, { familyName: 'Hofmeister', givenNames: 'Peter' })
      ).json();
      expect(before.candidates).toEqual([]);
      await t.database.db
        .insert(personNames)
        .values({ personId: id, kind: 'alias', familyName: 'Hofmeister' });
      await t.database.db.transaction((tx) => refreshSearchKeys({ db: tx, personIds: [id] }));
      const after = (await lookup(field, { familyName: 'Hofmeister', givenNames: 'Peter' })).json();
      expect(after.candidates.map((c: { familyName: string }) => c.familyName)).toEqual([
        'Schmidt',
      ]);
    });
  });
}
