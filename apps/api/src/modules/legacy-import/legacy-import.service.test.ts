import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../test-support/test-app.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { listings } from '../listings/listings.table.js';
import { personAddresses, personNames, persons } from '../persons/persons.table.js';
import { legacyImports } from './legacy-import.table.js';
import { LegacyImportRefused } from './legacy-import.service.js';
import { incidentsWithDescription } from '../../test-support/sealed.js';

const HEADER =
  'Aktenzeichen;Nachname;Vornamen;Geburtsdatum;Aliasnamen;Adressen;Stufe;Kategorien;Vorfallsdatum;Strafanzeige;Aktenzeichen Strafanzeige;Vorsichtsmaßnahmen;Hinweise;Gültig bis;Bemerkung';

/** The old list of the tests (the test clock stands at 2026-01-15). */
const FILE = [
  HEADER,
  'GL-2019-001;Meyer;Hans;17.05.1980;Maier, Hans|Meier;Hauptstraße 12a, 52062 Aachen|Alte Gasse 3, 52064 Aachen;3;Einsatz von Werkzeugen oder Waffen|Bedrohung;01.06.2025;ja;StA 123 Js 45/25;Nur zu zweit|police_escort;Hund im Hof;;Messer gezogen',
  'GL-2019-002;Schulz;Eva;1975;;;1;Beleidigung;03.02.2025;nein;;;;;',
  'GL-2019-003;Wolff;Jan;;;Lindenweg 4, 52062 Aachen;2;Bedrohung;10.10.2025;nein;;;;;',
  'GL-2019-004;Krause;Tom;31.02.1980;;;5;Bedrohung;10.10.2025;ja;;;;;',
  'GL-2019-005;Kowalski;Piotr;;;;2;Nötigung;10.10.2023;ja;;;;01.01.2025;',
].join('\n');

for (const target of engines) {
  describe.skipIf(target.skip)(`legacy import ${engineTitle(target)}`, () => {
    let t: TestApp;
    let importer: { id: string; departmentId: string | null };
    let second: string;
    let fieldId: string;

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      const first = await createTestUser(t, { roles: ['reporter', 'registrar'] });
      importer = await t.services.legacyImport.registrar(first.username);
      second = (await createTestUser(t, { roles: ['reporter', 'registrar'] })).user.id;
      fieldId = (await createTestUser(t, { roles: ['reporter', 'field'] })).user.id;
    });
    afterAll(async () => {
      await t?.close();
    });

    const counts = async () => {
      const db = t.database.db;
      const one = async (table: typeof persons | typeof incidents | typeof listings) =>
        (await db.select({ n: count() }).from(table))[0]!.n;
      return {
        persons: await one(persons),
        incidents: await one(incidents),
        listings: await one(listings),
        audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
        legacy: (await db.select({ n: count() }).from(legacyImports))[0]!.n,
      };
    };
    const find = (familyName: string, extra: Record<string, unknown> = {}) =>
      t.services.lookup.lookup({
        actor: { id: fieldId, abilities: ['register.lookup'] },
        request: {
          familyName,
          ...extra,
          purpose: { fileNumber: 'T 2026/1', reason: 'home_visit' },
        },
      });

    it('refuses an account that is not a registrar', async () => {
      const reporter = await createTestUser(t, { roles: ['reporter'] });
      await expect(t.services.legacyImport.registrar(reporter.username)).rejects.toBeInstanceOf(
        LegacyImportRefused,
      );
      await expect(t.services.legacyImport.registrar('nobody')).rejects.toBeInstanceOf(
        LegacyImportRefused,
      );
    });

    it('a dry run reports what would happen and writes nothing', async () => {
      const before = await counts();
      const report = await t.services.legacyImport.run({
        actor: importer,
        text: FILE,
        dryRun: true,
      });
      expect(report.summary).toEqual({
        dryRun: true,
        rows: 5,
        created: 3,
        updated: 0,
        skipped: 1,
        invalid: 1,
        failed: 0,
        listingsProposed: 1,
        withoutListing: 2,
      });
      expect(await counts()).toEqual(before);
    });

    it('imports persons with a confirmed incident, proposes listings only where the rule holds, leaves out expired rows', async () => {
      const report = await t.services.legacyImport.run({
        actor: importer,
        text: FILE,
        dryRun: false,
      });
      expect(report.summary).toMatchObject({
        created: 3,
        skipped: 1,
        invalid: 1,
        listingsProposed: 1,
      });
      expect(report.problems.map((p) => [p.row, p.field, p.column])).toEqual([
        [5, 'dateOfBirth', 'Geburtsdatum'],
        [5, 'level', 'Stufe'],
      ]);
      expect(report.results.map((r) => [r.row, r.reference, r.outcome, r.listing])).toEqual([
        [2, 'GL-2019-001', 'created', 'proposed'],
        [3, 'GL-2019-002', 'created', 'none'],
        [4, 'GL-2019-003', 'created', 'none'],
        [6, 'GL-2019-005', 'skipped', 'none'],
      ]);
      // Its validity ended: not taken over (ZeMAG would have deleted it by now).
      expect(report.results[3]!.notes.map((n) => n.de)).toEqual([
        'Nicht übernommen: Die Gültigkeit endete am 2025-01-01 („Gültig bis“, sonst 24 Monate nach dem Vorfall). Die Daten sind zu löschen, auch in der bisherigen Liste.',
      ]);
      expect(
        await t.database.db.select().from(persons).where(eq(persons.familyName, 'Kowalski')),
      ).toEqual([]);

      const [meyer] = await t.database.db
        .select()
        .from(persons)
        .where(eq(persons.familyName, 'Meyer'));
      expect(meyer).toMatchObject({ givenNames: 'Hans', dateOfBirth: '1980-05-17' });
      const names = await t.database.db
        .select()
        .from(personNames)
        .where(eq(personNames.personId, meyer!.id));
      expect(names.map((n) => [n.kind, n.familyName, n.givenNames]).sort()).toEqual([
        ['alias', 'Maier', 'Hans'],
        ['alias', 'Meier', null],
      ]);
      const addresses = await t.database.db
        .select()
        .from(personAddresses)
        .where(eq(personAddresses.personId, meyer!.id));
      expect(addresses.map((a) => a.street).sort()).toEqual(['Alte Gasse', 'Hauptstraße']);
      const [listing] = await t.database.db
        .select()
        .from(listings)
        .where(eq(listings.personId, meyer!.id));
      expect(listing).toMatchObject({
        status: 'proposed',
        proposedBy: importer.id,
        level: 3,
        categories: ['weapon_or_tool', 'threat'],
        precautions: ['pairs_only', 'police_escort'],
        precautionsText: 'Hund im Hof',
        validUntil: '2027-06-01',
      });
      const [incident] = await t.database.db
        .select()
        .from(incidents)
        .where(eq(incidents.complaintFileNumber, 'StA 123 Js 45/25'));
      expect(incident).toMatchObject({ status: 'confirmed', level: 3, complaintStatus: 'yes' });
      // stored encrypted (modules/encryption), read through the cipher
      expect(incident!.description).toMatch(/^enc:v1:/);
      const narrative = await t.services.cipher.open(
        t.database.db,
        'incidents.description',
        incident!.id,
        incident!.description,
      );
      expect(narrative).toContain('GL-2019-001');
      expect(narrative).toContain('Messer gezogen');

      const actions = (await t.database.db.select().from(auditEvents).orderBy(auditEvents.seq)).map(
        (e) => e.action,
      );
      for (const action of [
        'incident.import_legacy',
        'person.create',
        'incident.link_person',
        'listing.propose',
        'import.legacy_persons',
      ]) {
        expect(actions).toContain(action);
      }
    });

    it('is found by field staff only after a second registrar activates the listing', async () => {
      expect((await find('Maier', { givenNames: 'Hans' })).candidates).toEqual([]);
      const [listing] = await t.database.db
        .select()
        .from(listings)
        .where(eq(listings.status, 'proposed'));
      await expect(
        t.services.listings.activate({ actor: importer, id: listing!.id, reason: null }),
      ).rejects.toMatchObject({ code: 'listing.same_registrar' });
      await t.services.listings.activate({ actor: { id: second }, id: listing!.id, reason: null });
      // The notification letter (Art. 14 GDPR) flows as for any listing.
      const [active] = await t.database.db
        .select()
        .from(listings)
        .where(eq(listings.id, listing!.id));
      expect(active).toMatchObject({
        status: 'active',
        activatedBy: second,
        notificationState: 'pending',
      });
      const letter = await t.services.listings.letter({
        actor: { id: second, displayName: 'Zweite Registerstelle' },
        id: listing!.id,
      });
      expect(letter.pdf.byteLength).toBeGreaterThan(1000);
      const byVariant = await find('Maier', { givenNames: 'Hans', dateOfBirth: '1980-05-17' });
      expect(byVariant.candidates.map((c) => c.familyName)).toEqual(['Meyer']);
      const byAddress = await t.services.lookup.lookup({
        actor: { id: fieldId, abilities: ['register.lookup'] },
        request: {
          address: { street: 'Alte Gasse', houseNumber: '3', postalCode: '52064' },
          purpose: { fileNumber: 'T 2026/1', reason: 'home_visit' },
        },
      });
      expect(byAddress.candidates.map((c) => c.familyName)).toEqual(['Meyer']);
      expect((await find('Wolff')).candidates).toEqual([]);
    });

    it('creates nothing when the same file runs again and says which rows changed', async () => {
      const before = await counts();
      const changed = FILE.replace('Schulz;Eva;1975', 'Schulz;Eva;1976');
      const report = await t.services.legacyImport.run({
        actor: importer,
        text: changed,
        dryRun: false,
      });
      expect(report.summary).toMatchObject({ created: 0, skipped: 4, invalid: 1, failed: 0 });
      expect(report.results.find((r) => r.reference === 'GL-2019-002')!.notes[0]!.en).toContain(
        'changed',
      );
      expect(report.results.find((r) => r.reference === 'GL-2019-001')!.notes).toEqual([]);
      const after = await counts();
      expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
      expect(after.audit).toBe(before.audit + 1);
    });

    it('adds new aliases and addresses of a changed row once, and nothing else', async () => {
      const changed = FILE.replace('Maier, Hans|Meier', 'Maier, Hans|Meier|Mayr, Johann').replace(
        'Lindenweg 4, 52062 Aachen;2',
        'Lindenweg 4, 52062 Aachen|Birkenallee 9, 52066 Aachen;3',
      );
      const report = await t.services.legacyImport.run({
        actor: importer,
        text: changed,
        dryRun: false,
      });
      expect(report.summary).toMatchObject({ created: 0, updated: 2, skipped: 2 });
      const wolff = report.results.find((r) => r.reference === 'GL-2019-003')!;
      expect(wolff.outcome).toBe('updated');
      expect(wolff.notes[0]!.de).toContain('1 Adresse(n)');
      const byNewAlias = await find('Mayr', { givenNames: 'Johann', dateOfBirth: '1980-05-17' });
      expect(byNewAlias.candidates.map((c) => c.familyName)).toEqual(['Meyer']);
      const [taken] = await incidentsWithDescription(
        t,
        'Übernommen aus der bisherigen Liste, Aktenzeichen GL-2019-003.',
      );
      expect(taken?.level).toBe(2);

      const before = await counts();
      const again = await t.services.legacyImport.run({
        actor: importer,
        text: changed,
        dryRun: false,
      });
      expect(again.summary).toMatchObject({ created: 0, updated: 0, skipped: 4 });
      expect((await counts()).persons).toBe(before.persons);
    });

    it('hints at possible duplicates among persons already in ZeMAG', async () => {
      const report = await t.services.legacyImport.run({
        actor: importer,
        text: `${HEADER}\nX-77;Meyer;Hans;1980;;;1;Beleidigung;01.06.2025;nein;;;;;`,
        dryRun: true,
      });
      expect(report.results[0]!.notes.map((n) => n.en)).toContain(
        'ZeMAG already has 1 similar person(s) (family name, year of birth): please check and merge if they are the same.',
      );
    });

    it('two runs of the same file at the same time create each row once', async () => {
      const before = await counts();
      const file = [
        HEADER,
        'PAR-1;Lange;Uwe;;;;2;Bedrohung;01.12.2025;ja;;;;;',
        'PAR-2;Kurz;Ina;;;;1;Beleidigung;01.12.2025;nein;;;;;',
      ].join('\n');
      const run = () => t.services.legacyImport.run({ actor: importer, text: file, dryRun: false });
      const [a, b] = await Promise.all([run(), run()]);
      expect(a.summary.created + b.summary.created).toBe(2);
      expect(a.summary.skipped + b.summary.skipped).toBe(2);
      const after = await counts();
      expect(after.persons - before.persons).toBe(2);
      expect(after.listings - before.listings).toBe(1);
      expect(after.legacy - before.legacy).toBe(2);
    });

    it('names the missing required columns', async () => {
      const report = await t.services.legacyImport.run({
        actor: importer,
        text: 'Name;Vorname\nMeyer;Hans\n',
        dryRun: false,
      });
      expect(report.problems.map((p) => [p.row, p.field, p.column])).toEqual([
        [1, 'reference', 'Aktenzeichen'],
        [1, 'level', 'Stufe'],
        [1, 'categories', 'Kategorien'],
        [1, 'incidentDate', 'Vorfallsdatum'],
      ]);
      expect(report.summary.created).toBe(0);
    });
  });
}
