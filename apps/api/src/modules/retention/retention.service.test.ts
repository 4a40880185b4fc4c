import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../clock.js';
import { rowsOf, type Database } from '../../db/database.js';
import { createTestDatabase, engines, engineTitle } from '../../test-support/test-database.js';
import { createAuditService } from '../audit/audit.service.js';
import { auditEvents } from '../audit/audit.table.js';
import { jobRuns, ledgerEntries } from '../deletion/deletion.table.js';
import * as erase from '../deletion/erase.js';
import {
  makeAuditTerms,
  makeIncident,
  makeListing,
  makeOpenRequest,
  makePerson,
  makeUser,
} from './retention.fixtures.js';
import { retentionCutoffs } from './retention.rules.js';
import { withJobLock } from './job-lock.js';
import { createRetentionService, type Deleters } from './retention.service.js';
import { DEFAULT_RETENTION_MONTHS } from './retention.settings.js';

const TZ = 'Europe/Berlin';
/** 15 July 2026, 09:00 in Berlin. */
const NOW = new Date('2026-07-15T07:00:00Z');
const CUT = retentionCutoffs({ now: NOW, timeZone: TZ, months: DEFAULT_RETENTION_MONTHS });
/** The evening before the cutoff day (due) and its first moment (kept). */
const before = (cutoff: Date) => new Date(cutoff.getTime() - 60_000);

describe.each(engines)('the retention job', (e) => {
  let database: Database;
  const clock = createManualClock(NOW);
  const audit = createAuditService({ clock });
  const service = (
    flush?: () => Promise<unknown>,
    batchSize?: number,
    more: { pageSize?: number; deleters?: Deleters } = {},
  ) =>
    createRetentionService({
      db: database.db,
      audit,
      clock,
      timeZone: TZ,
      settings: { months: DEFAULT_RETENTION_MONTHS },
      ...(flush ? { flush } : {}),
      ...(batchSize ? { batchSize } : {}),
      ...more,
    });
  const exists = async (table: string, id: string) =>
    rowsOf<{ n: number }>(
      await database.db.execute(
        sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE id = ${id}`,
      ),
    )[0]!.n === 1;

  beforeAll(async () => {
    if (e.skip) return;
    database = await createTestDatabase(e.engine);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it.skipIf(e.skip)(
    `deletes what is due under each rule from the day after its period, and nothing else ${engineTitle(e)}`,
    async () => {
      const db = database.db;
      const registrar = await makeUser(db);
      const reporterId = registrar.id;
      const listing = (
        personId: string,
        more: { status: string; closedAt?: Date; validUntil?: string; incidentIds?: string[] },
      ) => makeListing(db, { personId, proposedBy: registrar.id, ...more });

      // Closed listings: expired before the cutoff day (its person has nothing else: erased),
      // ended on the cutoff day (kept), declined before it while the person has an active one.
      const p1 = await makePerson(db);
      const i1 = await makeIncident(db, { reporterId, personIds: [p1.id] });
      const l1 = await listing(p1.id, {
        status: 'expired',
        closedAt: before(CUT.closed_listings),
        incidentIds: [i1.id],
      });
      const p2 = await makePerson(db);
      const l2 = await listing(p2.id, { status: 'ended', closedAt: CUT.closed_listings });
      const p3 = await makePerson(db);
      const l3 = await listing(p3.id, {
        status: 'declined',
        closedAt: before(CUT.closed_listings),
      });
      const l3b = await listing(p3.id, { status: 'active' });
      // An active listing whose last day was yesterday: expires first.
      const p4 = await makePerson(db);
      const l4 = await listing(p4.id, { status: 'active', validUntil: '2026-07-14' });

      // Rejected and unconfirmed reports, from their last change.
      const r1 = await makeIncident(db, {
        reporterId,
        status: 'rejected',
        updatedAt: before(CUT.rejected_reports),
      });
      const r2 = await makeIncident(db, {
        reporterId,
        status: 'rejected',
        updatedAt: CUT.rejected_reports,
      });
      const r3 = await makeIncident(db, {
        reporterId,
        status: 'needs_info',
        updatedAt: before(CUT.rejected_reports),
      });
      // Confirmed incidents no listing rests on, from when they happened.
      const u1 = await makeIncident(db, { reporterId, occurredAt: before(CUT.unlisted_incidents) });
      const u2 = await makeIncident(db, { reporterId, occurredAt: CUT.unlisted_incidents });
      // What an erasure left of a report, from the erasure.
      const recent = new Date('2026-06-01T10:00:00Z');
      const e1 = await makeIncident(db, { reporterId, occurredAt: recent });
      const e2 = await makeIncident(db, { reporterId, occurredAt: recent });
      await db.insert(ledgerEntries).values([
        {
          kind: 'incident_personal_data',
          subjectId: e1.id,
          rule: 'request.erasure',
          at: before(CUT.erased_person_incidents),
        },
        {
          kind: 'incident_personal_data',
          subjectId: e2.id,
          rule: 'request.erasure',
          at: CUT.erased_person_incidents,
        },
      ]);
      // Persons with nothing left, from their last change; an open request or a report
      // within its period keeps them.
      const q1 = await makePerson(db, before(CUT.persons));
      const q2 = await makePerson(db, CUT.persons);
      const q3 = await makePerson(db, before(CUT.persons));
      await makeOpenRequest(db, q3.id, registrar.id);
      const q4 = await makePerson(db, before(CUT.persons));
      const k4 = await makeIncident(db, { reporterId, occurredAt: recent, personIds: [q4.id] });
      // Look-up terms, from the look-up.
      const t1 = await makeAuditTerms(db, before(CUT.audit_terms));
      const t2 = await makeAuditTerms(db, CUT.audit_terms);

      clock.set(NOW);
      const dry = await service().run({ dryRun: true });
      expect(dry).toEqual({
        dry_run: true,
        expired: 1,
        due: 9,
        deleted: 0,
        by_kind: { listing: 2, person: 2, incident: 4, audit_terms: 1 },
      });
      expect(await exists('persons', q1.id)).toBe(true); // a dry run deletes nothing

      const flush = vi.fn(async () => {});
      const result = await service(flush).run();
      // The erasure of p1 leaves the rest of i1, which then falls under the incidents' rule.
      expect(flush).toHaveBeenCalledTimes(1);
      expect(result).toEqual({
        dry_run: false,
        expired: 1,
        due: 9,
        deleted: 11,
        by_kind: { person: 2, listing: 2, incident_personal_data: 1, incident: 5, audit_terms: 1 },
      });

      for (const [table, id] of [
        ['persons', p1.id],
        ['listings', l1.id],
        ['incidents', i1.id],
        ['listings', l3.id],
        ['incidents', r1.id],
        ['incidents', r3.id],
        ['incidents', u1.id],
        ['incidents', e1.id],
        ['persons', q1.id],
      ] as const) {
        expect(await exists(table, id), `${table} ${id} deleted`).toBe(false);
      }
      for (const [table, id] of [
        ['persons', p2.id],
        ['listings', l2.id],
        ['persons', p3.id],
        ['listings', l3b.id],
        ['listings', l4.id],
        ['incidents', r2.id],
        ['incidents', u2.id],
        ['incidents', e2.id],
        ['persons', q2.id],
        ['persons', q3.id],
        ['persons', q4.id],
        ['incidents', k4.id],
      ] as const) {
        expect(await exists(table, id), `${table} ${id} kept`).toBe(true);
      }
      const terms = rowsOf<{ seq: number }>(
        await db.execute(sql`SELECT seq::int AS seq FROM audit_terms`),
      );
      expect(terms.map((t) => t.seq)).toEqual([t2]);
      void t1;

      // Each deletion audited by kind, id and rule, never with content.
      const events = await db
        .select()
        .from(auditEvents)
        .where(like(auditEvents.action, 'deletion.%'));
      const rules = Object.fromEntries(
        events.filter((a) => a.subjectId).map((a) => [a.subjectId, a.details]),
      );
      expect(rules[p1.id]).toEqual({ rule: 'retention.closed_listings' });
      expect(rules[l3.id]).toEqual({ rule: 'retention.closed_listings' });
      expect(rules[r1.id]).toEqual({ rule: 'retention.rejected_reports' });
      expect(rules[u1.id]).toEqual({ rule: 'retention.unlisted_incidents' });
      expect(rules[e1.id]).toEqual({ rule: 'retention.erased_person_incidents' });
      expect(rules[q1.id]).toEqual({ rule: 'retention.persons' });
      const termsEvent = events.find((a) => a.action === 'deletion.audit_terms');
      expect(termsEvent?.details).toEqual({
        rule: 'retention.audit_terms',
        count: 1,
        firstSeq: t1,
        lastSeq: t1,
      });
      expect(JSON.stringify(events)).not.toMatch(/Muster|drohte|Flur/);
      expect((await audit.verify({ db })).ok).toBe(true);

      const [run] = await db.select().from(jobRuns).where(eq(jobRuns.name, 'retention'));
      expect(run?.finishedAt).toEqual(NOW);
      expect(run?.result).toEqual(result);

      // Nothing is left due.
      expect(await service().run({ dryRun: true })).toEqual({
        dry_run: true,
        expired: 0,
        due: 0,
        deleted: 0,
        by_kind: {},
      });
    },
  );

  it.skipIf(e.skip)(
    `deletes each item once when two runs start at the same time ${engineTitle(e)}`,
    async () => {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++)
        ids.push((await makePerson(database.db, before(CUT.persons))).id);
      // Small batches and pages: several of each per run, each page after the last id.
      const runs = await Promise.all(
        [1, 2, 3].map(() => service(undefined, 7, { pageSize: 11 }).run()),
      );
      const persons = runs.reduce((n, r) => n + ('by_kind' in r ? (r.by_kind.person ?? 0) : 0), 0);
      expect(persons).toBe(30);
      const events = rowsOf<{ n: number }>(
        await database.db.execute(sql`
          SELECT count(*)::int AS n FROM audit_events
          WHERE action = 'deletion.person' AND subject_id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`),
      )[0]!.n;
      expect(events).toBe(30);
      const ledger = rowsOf<{ n: number }>(
        await database.db.execute(sql`
          SELECT count(*)::int AS n FROM ledger_entries
          WHERE kind = 'person' AND subject_id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`),
      )[0]!.n;
      expect(ledger).toBe(30);
    },
  );

  it.skipIf(e.skip)(
    `keeps a person who gets an open request while the run is under way ${engineTitle(e)}`,
    async () => {
      const db = database.db;
      const registrar = await makeUser(db);
      const first = await makePerson(db, before(CUT.persons));
      const second = await makePerson(db, before(CUT.persons));
      const [early, late] = [first.id, second.id].sort();
      // Both are read as due in one page; before the second one's batch begins, a request
      // for it is recorded (here in the first batch's transaction: the embedded database has
      // one connection).
      const deleters: Deleters = {
        ...erase,
        async erasePersons(ctx) {
          if (ctx.personIds.includes(early!)) await makeOpenRequest(ctx.tx, late!, registrar.id);
          return erase.erasePersons(ctx);
        },
      };
      const result = await service(undefined, 1, { deleters }).run();
      expect(result).toMatchObject({ due: 2, by_kind: { person: 1 } });
      expect(await exists('persons', early!)).toBe(false);
      expect(await exists('persons', late!)).toBe(true);
    },
  );

  it.skipIf(e.skip)(
    `skips while another run holds the job, or waits for it when asked (the CLI) ${engineTitle(e)}`,
    async () => {
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const held = withJobLock(database.db, {}, async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await running;
      expect(await service().run()).toEqual({ skipped: 'running elsewhere' });
      const waiting = service().run({ wait: true });
      release();
      await held;
      expect(await waiting).toMatchObject({ dry_run: false, due: 0 });
    },
  );
});
