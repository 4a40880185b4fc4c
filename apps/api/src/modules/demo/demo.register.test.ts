import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsReport } from '@zemag/contracts';
import { rowsOf } from '../../db/database.js';
import { buildTestApp, signIn, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD } from './demo.data.js';
import { createDemoService } from './demo.service.js';

/** A seeded demo and a registrar's view of its register, without generated ids. */
async function seededRegister(t: TestApp) {
  await createDemoService({ db: t.database.db, ...t.services }).seed();
  const { cookie } = await signIn(t.app, { username: 'demo.registrar2', password: DEMO_PASSWORD });
  const get = (url: string) => t.app.inject({ url, headers: { cookie } }).then((r) => r.json());
  const queue = await get('/api/v1/incidents/review-queue');
  const listings = await get('/api/v1/listings?status=proposed,active');
  const strip = <T extends object>(o: T) =>
    JSON.parse(JSON.stringify(o, (k, v) => (k === 'id' ? undefined : v)));
  return { get, queue, listings, view: strip({ queue, listings }) };
}

describe('demo city Musterstadt: the register', () => {
  let t: TestApp;
  let register: Awaited<ReturnType<typeof seededRegister>>;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ZEMAG_MFA_REQUIRED_ROLES: '' } });
    register = await seededRegister(t);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has reports waiting for review, level 3 first, including quick reports', () => {
    const queue = register.queue.incidents as { status: string; level: number; quick: boolean }[];
    expect(queue.map((i) => [i.status, i.level, i.quick])).toEqual([
      ['submitted', 3, true],
      ['in_review', 2, false],
      ['submitted', 2, true],
    ]);
  });

  it('has listings active and proposed, one expiring within weeks, letters sent and held back', () => {
    const listings = register.listings.listings as {
      person: { familyName: string };
      status: string;
      level: number;
      validUntil: string;
      notification: { state: string };
    }[];
    const byName = new Map(listings.map((l) => [l.person.familyName, l]));
    // the stories' listings, among the everyday background's (demo.background.ts)
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['Al-Hassan', 'Meyer', 'Nowak', 'Yılmaz']),
    );
    expect(byName.get('Al-Hassan')).toMatchObject({ status: 'proposed', level: 3 });
    expect(byName.get('Meyer')).toMatchObject({
      status: 'active',
      level: 3,
      notification: { state: 'sent' },
    });
    expect(byName.get('Yılmaz')).toMatchObject({
      status: 'active',
      notification: { state: 'held_back' },
    });
    const now = t.clock.now().getTime();
    const daysLeft = (Date.parse(byName.get('Nowak')!.validUntil) - now) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThan(60);
  });

  it('links a spelling variant to the same person record', async () => {
    const listing = (
      register.listings.listings as { id: string; person: { familyName: string } }[]
    ).find((l) => l.person.familyName === 'Meyer')!;
    const detail = await register.get(`/api/v1/listings/${listing.id}`);
    expect(detail.incidents).toHaveLength(2);
    const reports = await Promise.all(
      detail.incidents.map((i: { id: string }) => register.get(`/api/v1/incidents/${i.id}`)),
    );
    expect(reports.map((r) => r.persons[0].familyName).sort()).toEqual(['Maier', 'Meyer']);
    expect(
      detail.history.map((h: { action: string; actor: { displayName: string } }) => [
        h.action,
        h.actor.displayName,
      ]),
    ).toEqual([
      ['propose', 'Aylin Demir'],
      ['activate', 'Stefan Nowak'],
      ['notification_sent', 'Stefan Nowak'],
    ]);
  });

  it('lets field staff find listed persons by a variant spelling, but not a proposal', async () => {
    const { cookie } = await signIn(t.app, {
      username: 'demo.ordnungsdienst',
      password: DEMO_PASSWORD,
    });
    // Field staff ask with what they know: the name, the given name, the date of birth (a family
    // name alone is no longer evidence enough to show anyone).
    const lookup = (familyName: string, givenNames: string, dateOfBirth: string) =>
      t.app
        .inject({
          method: 'POST',
          url: '/api/v1/lookups',
          headers: { cookie },
          payload: {
            familyName,
            givenNames,
            dateOfBirth,
            purpose: { fileNumber: 'OD-2026-7', reason: 'inspection' },
          },
        })
        .then((r) => r.json().candidates as { familyName: string }[]);
    expect(
      (await lookup('Maier', 'Klaus-Dieter', '1968-03-14')).map((c) => c.familyName),
    ).toContain('Meyer');
    expect((await lookup('Nowack', 'Agnieszka', '1985')).map((c) => c.familyName)).toContain(
      'Nowak',
    );
    // Yılmaz disputes the listing: it is restricted and hidden from field staff (Art. 18 GDPR).
    expect(await lookup('Yilmaz', 'Mehmet', '1979-11-02')).toEqual([]);
    // Al-Hassan's listing is only proposed.
    expect(await lookup('Al-Hassan', 'Mohammed', '1990-07-21')).toEqual([]);
  });

  it('has look-ups with their purposes in the audit log', async () => {
    const { rows } = await t.database.db
      .execute<{ n: number }>(
        sql`select count(*)::int as n from audit_events where action = 'register.lookup'`,
      )
      .then((r) => ({ rows: rowsOf<{ n: number }>(r) }));
    expect(rows[0]!.n).toBeGreaterThanOrEqual(4);
  });

  it("has a bailiff's visit list of yesterday: the variant spelling and the address found", async () => {
    const rows = rowsOf<{ details: { entries: number; withCandidates: number } }>(
      await t.database.db.execute(
        sql`select details from audit_events where action = 'register.visit_list'`,
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ entries: 4, unreadable: 0, withCandidates: 2 });
  });

  it('gives the DPO findings to work through: a burst, a night look-up, a made-up file number', async () => {
    const { cookie } = await signIn(t.app, { username: 'demo.dpo', password: DEMO_PASSWORD });
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/findings/search',
      headers: { cookie },
      payload: { status: 'open' },
    });
    expect(answer.statusCode).toBe(200);
    const found = answer.json().findings as {
      rule: string;
      user: { username: string };
      facts: Record<string, unknown>;
    }[];
    const by = (rule: string) => found.filter((f) => f.rule === rule);
    expect(by('burst').map((f) => [f.user.username, f.facts.count])).toEqual([
      ['demo.ordnungsdienst', 55],
    ]);
    expect(by('off_hours').map((f) => f.user.username)).toEqual(['demo.vollstreckung']);
    expect(by('file_number_form').map((f) => [f.user.username, f.facts.fileNumber])).toEqual([
      ['demo.sozialdienst', 'SD 1111-1111'],
    ]);
    // Lukas Schneider (youth office) looked up Anna Schneider: his own family name
    expect(by('own_name').map((f) => f.user.username)).toEqual(['demo.jugendamt']);
    // the burst also repeats one file number and mostly finds nobody; nothing else is found
    expect(new Set(found.map((f) => f.rule))).toEqual(
      new Set([
        'burst',
        'file_number_repeat',
        'no_match',
        'off_hours',
        'file_number_form',
        'own_name',
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('publishes real numbers on the statistics page: months, breakdowns, listings, look-ups', async () => {
    const { cookie } = await signIn(t.app, { username: 'demo.dpo', password: DEMO_PASSWORD });
    const answer = await t.app.inject({ url: '/api/v1/statistics', headers: { cookie } });
    expect(answer.statusCode).toBe(200);
    const report = answer.json() as StatisticsReport;
    const shown = (rows: { key: string; count: number | null }[]) =>
      rows.filter((r) => r.count !== null && r.count >= 5).map((r) => r.key);
    // two years and the current month; most months published, each with at least 5 reports
    expect(report.incidents.byMonth.rows.length).toBeGreaterThanOrEqual(24);
    expect(shown(report.incidents.byMonth.rows).length).toBeGreaterThanOrEqual(20);
    expect(report.incidents.byMonth.total).toBeGreaterThanOrEqual(140);
    expect(shown(report.incidents.byLevel.rows)).toEqual(expect.arrayContaining(['1', '2', '3']));
    expect(shown(report.incidents.byDepartment.rows).length).toBeGreaterThanOrEqual(5);
    expect(shown(report.incidents.byCategory.rows).length).toBeGreaterThanOrEqual(5);
    // the open reviews are the stories' few (withheld, and the rejected with them)
    expect(shown(report.incidents.byReview.rows)).toContain('confirmed');
    // listings: active, activated, expired and ended within the two years
    expect(shown(report.listings.rows).sort()).toEqual(
      ['activated', 'active_at_end', 'ended', 'expired'].sort(),
    );
    // repeat persons: reported once, twice, three times or more
    expect(shown(report.persons.rows).sort()).toEqual(['1', '2', '3+']);
    // look-ups of every field department, each under at least one reason
    const lookups = report.lookups;
    const departments = lookups.rows.filter((_, i) =>
      lookups.cells[i]!.some((c) => c !== null && c >= 5),
    );
    expect(departments.map((d) => d.key).sort()).toEqual(['20-3', '32-2', '37', '50', '51']);
    expect(lookups.columnTotals.filter((c) => c !== null && c >= 5).length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('keeps an intact audit chain', async () => {
    expect((await t.services.audit.verify({ db: t.database.db })).ok).toBe(true);
  });

  it('is the same every time it is seeded at the same moment', async () => {
    const other = await buildTestApp({ env: { ZEMAG_MFA_REQUIRED_ROLES: '' } });
    try {
      expect((await seededRegister(other)).view).toEqual(register.view);
    } finally {
      await other.close();
    }
  }, 180_000);
});
