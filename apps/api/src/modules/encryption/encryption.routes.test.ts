import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { rowsOf } from '../../db/database.js';
import { buildTestApp, type TestApp } from '../../test-support/test-app.js';
import {
  call as callOn,
  confirmedReport,
  linkedToNewPerson,
  signInCast,
  type Cast,
} from '../../test-support/register.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { auditEvents } from '../audit/audit.table.js';
import { incidents } from '../incidents/incidents.table.js';
import { TEST_DATA_KEY } from './data-key.settings.js';
import { createFieldCipher } from './field-cipher.js';
import { prepareFieldEncryption } from './field-encryption.startup.js';
import { rotateDataKeys } from './keys-rotate.js';

const NARRATIVE = 'Herr Quasthoff drohte, mit dem Schlüsselbund zuzuschlagen. 🔑';
const CORRECTED = 'Herr Quasthoff drohte mit einem Schlüsselbund; Zeugin: Frau Öztürk.';
const INVOLVED = 'Bart, graue Jacke, ca. 50 Jahre';
const INVOLVED_CORRECTED = 'Vollbart, grüne Jacke, ca. 55 Jahre';
const NOTE = 'Hund im Hof, Klingel defekt – nur zu zweit';
const OLD_PLAIN = 'Alte Meldung aus der Zeit vor der Verschlüsselung';
const SECRETS = [NARRATIVE, CORRECTED, INVOLVED, INVOLVED_CORRECTED, NOTE, OLD_PLAIN];

function keyFile(): { file: string; key: Buffer } {
  const key = randomBytes(32);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-kek-')), 'data.key');
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { file, key };
}

for (const target of engines) {
  describe.skipIf(target.skip)(`encryption at rest ${engineTitle(target)}`, () => {
    let t: TestApp;
    let cast: Cast;
    let incidentId: string;
    let personId: string;
    let otherIncidentId: string;
    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      cast = await signInCast(t);
    });
    afterAll(async () => {
      await t?.close();
    });

    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      callOn(t, cookie, method, url, payload);

    /** Everything the tables hold where narratives and notes live, as a dump would show it. */
    async function dump() {
      const rows = rowsOf<{ text: string }>(
        await t.database.db.execute(sql`
          select description as text from incidents
          union all select coalesce(description, '') from incident_persons
          union all select coalesce(notes, '') from persons
          union all select changes::text from corrections
          union all select wrapped_key from data_keys`),
      );
      return rows.map((r) => r.text).join('\n');
    }

    it('stores narrative, description and notes encrypted; the API, the history and the access export show them', async () => {
      const incident = await confirmedReport(t, cast, {
        occurredAt: '2025-12-01T10:00:00+01:00',
        place: { description: 'Bürgerbüro, Wartebereich' },
        categories: ['threat'],
        level: 2,
        description: NARRATIVE,
        criminalComplaint: { status: 'yes', fileNumber: '71 Js 1234/25' },
        persons: [{ familyName: 'Quasthoff', givenNames: 'Bernd', description: INVOLVED }],
      });
      incidentId = incident.id;
      expect(incident.description).toBe(NARRATIVE);
      expect(incident.persons[0].description).toBe(INVOLVED);
      const person = await linkedToNewPerson(t, cast.registrarA, incident, {
        familyName: 'Quasthoff',
        givenNames: 'Bernd',
        notes: NOTE,
      });
      personId = person.id;
      expect(person.notes).toBe(NOTE);
      const corrected = await call(
        cast.registrarB,
        'POST',
        `/api/v1/incidents/${incidentId}/corrections`,
        {
          reason: 'Zeugenaussage liegt vor',
          expectedVersion: incident.version,
          changes: {
            description: CORRECTED,
            persons: [{ id: incident.persons[0].id, description: INVOLVED_CORRECTED }],
          },
        },
      );
      expect(corrected.statusCode).toBe(200);
      const history = corrected.json().corrections[0].changes;
      expect(history.description).toEqual({ from: NARRATIVE, to: CORRECTED });
      expect(history['persons.0'].from.description).toBe(INVOLVED);
      expect(history['persons.0'].to).toMatchObject({
        familyName: 'Quasthoff',
        description: INVOLVED_CORRECTED,
      });

      const stored = await dump();
      for (const secret of SECRETS) expect(stored).not.toContain(secret);
      expect(stored).not.toContain('Schlüsselbund');
      const [row] = await t.database.db
        .select({ description: incidents.description })
        .from(incidents)
        .where(eq(incidents.id, incidentId));
      expect(row!.description).toMatch(/^enc:v1:1:/);

      const read = (await call(cast.registrarA, 'GET', `/api/v1/incidents/${incidentId}`)).json();
      expect(read.description).toBe(CORRECTED);
      expect(read.persons[0].description).toBe(INVOLVED_CORRECTED);
      expect(read.corrections[0].changes.description.from).toBe(NARRATIVE);
      const personRead = (await call(cast.registrarA, 'GET', `/api/v1/persons/${personId}`)).json();
      expect(personRead.notes).toBe(NOTE);

      const request = await call(cast.registrarA, 'POST', '/api/v1/subject-requests', {
        personId,
        kind: 'access',
        receivedOn: '2026-01-02',
        identityCheck: 'Personalausweis vorgelegt',
      });
      expect(request.statusCode).toBe(201);
      const exported = await call(
        cast.registrarB,
        'GET',
        `/api/v1/subject-requests/${request.json().id}/access.json`,
      );
      expect(exported.statusCode).toBe(200);
      for (const secret of [CORRECTED, NARRATIVE, INVOLVED_CORRECTED, NOTE]) {
        expect(exported.body).toContain(JSON.stringify(secret).slice(1, -1));
      }
      expect(exported.body).not.toContain('enc:v1:');
    });

    it('reads text stored before encryption and seals it at the next start; a value moved to another row does not open', async () => {
      otherIncidentId = (
        await confirmedReport(t, cast, {
          occurredAt: '2025-12-02T10:00:00+01:00',
          place: { description: 'Kasse' },
          categories: ['insult'],
          level: 1,
          description: 'Beleidigung an der Kasse.',
          persons: [{ familyName: 'Ewert' }],
        })
      ).id;
      await t.database.db
        .update(incidents)
        .set({ description: OLD_PLAIN })
        .where(eq(incidents.id, otherIncidentId));
      const url = `/api/v1/incidents/${otherIncidentId}`;
      expect((await call(cast.registrarA, 'GET', url)).json().description).toBe(OLD_PLAIN);
      const { sealed } = await prepareFieldEncryption({
        db: t.database.db,
        cipher: t.services.cipher,
      });
      expect(sealed).toBe(1);
      expect(await dump()).not.toContain(OLD_PLAIN);
      expect((await call(cast.registrarA, 'GET', url)).json().description).toBe(OLD_PLAIN);

      // a narrative copied from one report onto another is refused, not shown
      const [source] = await t.database.db
        .select({ description: incidents.description })
        .from(incidents)
        .where(eq(incidents.id, incidentId));
      const [target] = await t.database.db
        .select({ description: incidents.description })
        .from(incidents)
        .where(eq(incidents.id, otherIncidentId));
      await t.database.db
        .update(incidents)
        .set({ description: source!.description })
        .where(eq(incidents.id, otherIncidentId));
      const moved = await call(cast.registrarA, 'GET', url);
      expect(moved.statusCode).toBe(500);
      expect(moved.body).not.toContain('Quasthoff');
      await t.database.db
        .update(incidents)
        .set({ description: target!.description })
        .where(eq(incidents.id, otherIncidentId));
    });

    it('a rotation with a key that opens nothing changes nothing', async () => {
      const before = await dump();
      await expect(
        rotateDataKeys({
          db: t.database.db,
          audit: t.services.audit,
          oldKek: randomBytes(32),
          newKek: randomBytes(32),
          now: () => t.clock.now(),
        }),
      ).rejects.toThrow(/Nothing was changed/);
      expect(await dump()).toBe(before);
    });

    it('keys rotate: the new key opens everything, the old one nothing; a rotation stopped half-way goes on when run again', async () => {
      const first = keyFile();
      const summary = await rotateDataKeys({
        db: t.database.db,
        audit: t.services.audit,
        oldKek: TEST_DATA_KEY,
        newKek: first.key,
        now: () => t.clock.now(),
        batchSize: 2,
      });
      expect(summary).toMatchObject({ rewrapped: 1, new_data_key: 2, retired: [1] });
      expect(summary.resealed).toBeGreaterThanOrEqual(5);
      const stored = await dump();
      for (const secret of SECRETS) expect(stored).not.toContain(secret);
      expect(stored).not.toMatch(/enc:v1:1:/);
      const events = await t.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'data_keys.rotated'));
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events[0])).not.toContain(first.key.toString('base64'));

      // the old key no longer opens the data keys: a start with it stops with a clear error
      await expect(
        createFieldCipher({ kek: TEST_DATA_KEY }).prepare(t.database.db),
      ).rejects.toThrow(
        /ZEMAG_DATA_KEY_FILE holds key .*after `keys rotate`, configure the new key/s,
      );
      // an app started with the new key reads everything; sessions and all
      const restarted = await buildApp({
        config: loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          ZEMAG_DATA_KEY_FILE: first.file,
        }),
        database: t.database,
        clock: t.clock,
      });
      try {
        const read = await restarted.app.inject({
          method: 'GET',
          url: `/api/v1/incidents/${incidentId}`,
          headers: { cookie: cast.registrarA },
        });
        expect(read.json().description).toBe(CORRECTED);
        expect(read.json().corrections[0].changes.description.from).toBe(NARRATIVE);
        const person = await restarted.app.inject({
          method: 'GET',
          url: `/api/v1/persons/${personId}`,
          headers: { cookie: cast.registrarA },
        });
        expect(person.json().notes).toBe(NOTE);

        // stopped right after the keys were wrapped again: all still readable with the new key
        const second = keyFile();
        await expect(
          rotateDataKeys({
            db: t.database.db,
            audit: t.services.audit,
            oldKek: first.key,
            newKek: second.key,
            now: () => t.clock.now(),
            afterKeys: () => Promise.reject(new Error('killed')),
          }),
        ).rejects.toThrow('killed');
        const halfway = createFieldCipher({ kek: second.key });
        await halfway.prepare(t.database.db);
        const [row] = await t.database.db
          .select({ description: incidents.description })
          .from(incidents)
          .where(eq(incidents.id, incidentId));
        expect(row!.description).toMatch(/^enc:v1:2:/);
        expect(
          await halfway.open(t.database.db, 'incidents.description', incidentId, row!.description),
        ).toBe(CORRECTED);
        // run again (the configuration still names the first key): it goes on
        const resumed = await rotateDataKeys({
          db: t.database.db,
          audit: t.services.audit,
          oldKek: first.key,
          newKek: second.key,
          now: () => t.clock.now(),
        });
        expect(resumed).toMatchObject({ rewrapped: 0, new_data_key: null, retired: [2] });
        expect(await dump()).not.toMatch(/enc:v1:2:/);
        expect(
          await halfway.open(
            t.database.db,
            'incidents.description',
            incidentId,
            (await t.database.db.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!
              .description,
          ),
        ).toBe(CORRECTED);
      } finally {
        await restarted.app.close();
      }
    });
  });
}
