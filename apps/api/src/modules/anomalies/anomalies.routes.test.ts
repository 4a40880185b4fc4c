import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database.js';
import { engines, engineTitle } from '../../test-support/test-database.js';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';
import { call, listedAtCounter, signInCast } from '../../test-support/register.js';

const LIMIT = 50;

for (const target of engines) {
  describe.skipIf(target.skip)(`anomaly rules and findings ${engineTitle(target)}`, () => {
    let t: TestApp;
    let dpo: string;
    let field: string;
    let fieldId: string;
    let worker: Awaited<ReturnType<typeof createTestUser>>;
    let officer: Awaited<ReturnType<typeof createTestUser>>;

    /** Moves the test clock and signs both in again (a session ends after idle time). */
    const at = async (instant: string) => {
      t.clock.set(new Date(instant));
      field = (await signIn(t.app, worker)).cookie;
      dpo = (await signIn(t.app, officer)).cookie;
    };

    /** One look-up by the field worker at the test clock's "now". */
    const lookUp = (familyName: string, fileNumber = 'OA 12-345/26') =>
      call(t, field, 'POST', '/api/v1/lookups', {
        purpose: { fileNumber, reason: 'home_visit' },
        familyName,
        givenNames: 'Konrad',
      });
    const findings = async (body: object = {}, cookie = dpo) =>
      call(t, cookie, 'POST', '/api/v1/audit/findings/search', body);
    const scan = async () => {
      await t.services.auditChainer.drain();
      return t.services.anomalies.scan();
    };

    beforeAll(async () => {
      t = await buildTestApp({ engine: target.engine });
      t.clock.set(new Date('2026-03-09T08:00:00Z'));
      const cast = await signInCast(t);
      await listedAtCounter(t, cast, { familyName: 'Przybylski', givenNames: 'Konrad' });
      officer = await createTestUser(t, { roles: ['dpo'] });
      worker = await createTestUser(t, { roles: ['field'] });
      fieldId = worker.user.id;
      // the worker shares the listed person's family name
      await t.database.db.execute(
        sql`UPDATE users SET display_name = 'Marta Przybylski' WHERE id = ${fieldId}::uuid`,
      );
      // Tuesday 2026-03-10, 09:00 Berlin: LIMIT + 1 look-ups without a match, one a minute
      await at('2026-03-10T08:00:00Z');
      for (let i = 0; i <= LIMIT; i++) {
        expect((await lookUp(`Unbekannt${String.fromCharCode(97 + (i % 26))}`)).statusCode).toBe(
          200,
        );
        t.clock.advance(60_000);
      }
      // 23:40 Berlin: the own family name, with a made-up file number
      await at('2026-03-10T22:40:00Z');
      expect((await lookUp('Przybylski', 'AZ 1234-5678')).statusCode).toBe(200);
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it('finds a burst, a repeated and a made-up file number, a night look-up, the own name and no matches', async () => {
      const first = await scan();
      expect(first).toMatchObject({ ran: true, found: 6 });
      const page = (await findings()).json();
      expect(page.openCount).toBe(6);
      const byRule = Object.fromEntries(page.findings.map((f: { rule: string }) => [f.rule, f]));
      expect(Object.keys(byRule).sort()).toEqual(
        [
          'burst',
          'file_number_form',
          'file_number_repeat',
          'no_match',
          'off_hours',
          'own_name',
        ].sort(),
      );
      expect(byRule.burst).toMatchObject({
        user: { id: fieldId, displayName: 'Marta Przybylski', department: { code: 'TEST-32' } },
        facts: { count: LIMIT + 1, limit: LIMIT },
        status: 'open',
        review: null,
      });
      expect(byRule.burst.eventSeqs).toHaveLength(LIMIT + 1);
      expect(byRule.burst.summary.de).toContain(`${LIMIT + 1} Abfragen`);
      expect(byRule.off_hours.facts).toEqual({ count: 1, workingHours: '06:00–20:00' });
      expect(byRule.file_number_form.facts).toMatchObject({
        fileNumber: 'AZ 1234-5678',
        problem: 'placeholder',
      });
      expect(byRule.no_match.facts).toMatchObject({ count: LIMIT + 1 });
      expect(byRule.file_number_repeat.facts).toMatchObject({
        fileNumber: 'OA 12-345/26',
        count: LIMIT + 1,
      });
      // the finding's events are the look-ups themselves, open in the audit views
      const events = (
        await call(t, dpo, 'POST', '/api/v1/audit/events/search', {
          user: fieldId,
          action: 'register.lookup',
          limit: 200,
        })
      ).json().events;
      const seqs = new Set(events.map((e: { seq: number }) => e.seq));
      for (const seq of byRule.burst.eventSeqs) expect(seqs.has(seq)).toBe(true);
    });

    it('finds nothing twice: a second scan and new look-ups on the same day update, not add', async () => {
      expect(await scan()).toMatchObject({ ran: true, events: expect.any(Number), found: 0 });
      await at('2026-03-10T22:50:00Z');
      expect((await lookUp('Unbekanntz')).statusCode).toBe(200);
      expect(await scan()).toMatchObject({ found: 0 });
      const page = (await findings()).json();
      expect(page.openCount).toBe(6);
      const offHours = page.findings.find((f: { rule: string }) => f.rule === 'off_hours');
      expect(offHours.facts.count).toBe(2);
    });

    it('lets only the DPO see the findings and the rules', async () => {
      expect((await findings({}, field)).statusCode).toBe(403);
      const rules = await call(t, dpo, 'GET', '/api/v1/audit/anomaly-rules');
      expect(rules.statusCode).toBe(200);
      expect(rules.json().rules.map((r: { code: string }) => r.code)).toContain('burst');
      expect(
        rules.json().rules.find((r: { code: string }) => r.code === 'burst').explanation.de,
      ).toContain(`Mehr als ${LIMIT}`);
      expect((await call(t, field, 'GET', '/api/v1/audit/anomaly-rules')).statusCode).toBe(403);
    });

    it('marks a finding reviewed with a note once, even when clicked in parallel, and audits it', async () => {
      const open = (await findings()).json().findings;
      const burst = open.find((f: { rule: string }) => f.rule === 'burst');
      const review = (note: unknown, id = burst.id) =>
        call(t, dpo, 'POST', `/api/v1/audit/findings/${id}/review`, { note });
      const short = await review('ok');
      expect(short.statusCode).toBe(400);
      expect(JSON.stringify(short.json().errors)).toContain('note');
      expect((await review('x'.repeat(2001))).statusCode).toBe(400);
      expect((await review('Nachweis\u0000')).statusCode).toBe(400);
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => review(`Besuchsliste geprüft ${i} ‏עברית‎ é`)),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
      const done = answers.find((a) => a.statusCode === 200)!.json();
      expect(done).toMatchObject({ status: 'reviewed', review: { note: expect.any(String) } });
      expect(done.review.note).toContain('עברית');
      expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe(
        'anomaly.already_reviewed',
      );
      expect((await review('geprüft', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(
        404,
      );
      // open ones no longer list it; reviewed ones do, with the note
      const openNow = (await findings()).json();
      expect(openNow.openCount).toBe(5);
      expect(openNow.findings.map((f: { id: string }) => f.id)).not.toContain(burst.id);
      const reviewed = (await findings({ status: 'reviewed' })).json().findings;
      expect(reviewed.map((f: { id: string }) => f.id)).toEqual([burst.id]);
      // the review and the reads are in the audit log, in order
      const audited = rowsOf<{ action: string; details: unknown }>(
        await t.database.db.execute(sql`SELECT action, details FROM audit_events
          WHERE action IN ('audit.finding_reviewed', 'audit.findings_read') ORDER BY seq`),
      );
      const reviews = audited.filter((a) => a.action === 'audit.finding_reviewed');
      expect(reviews).toHaveLength(1);
      expect(reviews[0]!.details).toMatchObject({ rule: 'burst', user: fieldId });
      expect(audited.filter((a) => a.action === 'audit.findings_read').length).toBeGreaterThan(3);
    });

    it('pages through findings without gaps or repeats, and refuses a forged cursor', async () => {
      const all = (await findings({ status: 'all', limit: 100 })).json().findings;
      const ids: string[] = [];
      let before: string | null = null;
      do {
        const page: { findings: { id: string }[]; next: string | null } = (
          await findings({ status: 'all', limit: 2, ...(before ? { before } : {}) })
        ).json();
        ids.push(...page.findings.map((f) => f.id));
        before = page.next;
      } while (before !== null && ids.length < 50);
      expect(ids).toEqual(all.map((f: { id: string }) => f.id));
      const forged = await findings({ before: "2026-03-10T00:00:00Z|x' OR 1=1" });
      expect(forged.statusCode).toBe(400);
      expect(JSON.stringify(forged.json().errors)).toContain('before');
      expect((await findings({ status: 'alle' })).statusCode).toBe(400);
    });

    it('runs one scan at a time: parallel scans store each finding once', async () => {
      await at('2026-03-11T01:00:00Z');
      expect((await lookUp('Unbekanntq')).statusCode).toBe(200);
      await t.services.auditChainer.drain();
      const results = await Promise.all([1, 2, 3].map(() => t.services.anomalies.scan()));
      const ran = results.filter((r) => r.ran);
      expect(ran.length).toBeGreaterThanOrEqual(1);
      expect(ran.reduce((n, r) => n + (r.ran ? r.found : 0), 0)).toBe(1);
      const count = rowsOf<{ n: number }>(
        await t.database.db.execute(
          sql`SELECT count(*)::int AS n FROM anomaly_findings WHERE key LIKE '2026-03-11%'`,
        ),
      )[0]!.n;
      expect(count).toBe(1);
    });

    it('forgets findings with the audit events they rest on (audit retention), audited', async () => {
      const removed = await t.services.anomalies.forgetBefore(new Date('2026-03-11T00:00:00Z'));
      expect(removed).toBe(6);
      const left = (await findings({ status: 'all' })).json().findings;
      expect(left.map((f: { windowStart: string }) => f.windowStart.slice(0, 10))).toEqual([
        '2026-03-11',
      ]);
      const audited = rowsOf<{ details: { count: number } }>(
        await t.database.db.execute(
          sql`SELECT details FROM audit_events WHERE action = 'audit.findings_removed'`,
        ),
      );
      expect(audited.map((a) => a.details.count)).toEqual([6]);
    });
  });
}
