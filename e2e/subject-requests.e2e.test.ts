import { randomUUID } from 'node:crypto';
import { IncidentReportInput, permissionsFor } from '@zemag/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import { createAccount, signInAs } from './support/accounts';
import { seriousViolations } from './support/axe';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
} from './support/browser';
import { overflowsHorizontally, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import { type TestServer, startServer } from './support/server';

const REPORTER = {
  displayName: 'Paula Meldend',
  username: 'paula.meldend',
  password: 'ein langer Satz als Passwort',
};
const REGISTRAR = {
  displayName: 'Rita Register',
  username: 'rita.register',
  password: 'noch ein langer Satz als Passwort',
};

/** A confirmed report on a person, and an access request of that person received today. */
async function accessRequestOf(server: TestServer, familyName: string) {
  const actorOf = async (username: string, roles: ('reporter' | 'registrar')[]) => {
    const { user } = await findUserByUsername({ db: server.database.db, username });
    return { id: user!.id, abilities: permissionsFor(roles) };
  };
  const reporter = await actorOf(REPORTER.username, ['reporter']);
  const registrar = await actorOf(REGISTRAR.username, ['registrar', 'reporter']);
  const s = server.services;
  const { receipt } = await s.incidents.submit({
    actor: reporter,
    key: randomUUID(),
    report: IncidentReportInput.parse({
      occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      place: { description: 'Bürgerbüro' },
      categories: ['threat'],
      level: 2,
      description: 'Drohte am Schalter.',
      criminalComplaint: { status: 'yes', fileNumber: 'StA 77 Js 1/26' },
      persons: [{ familyName, givenNames: 'Anna' }],
    }),
  });
  await s.incidents.startReview({ actor: registrar, id: receipt.id });
  await s.incidents.decide({
    actor: registrar,
    id: receipt.id,
    decision: { decision: 'confirm', note: '' },
  });
  const stored = await s.incidents.get({ actor: registrar, id: receipt.id });
  const person = await s.persons.link({
    actor: registrar,
    incidentId: receipt.id,
    involvedId: stored.persons[0]!.id,
    request: { create: { familyName, givenNames: 'Anna' } },
  });
  const today = new Date().toISOString().slice(0, 10);
  return s.subjectRequests.record({
    actor: registrar,
    input: {
      personId: person.id,
      kind: 'access',
      receivedOn: today,
      identityCheck: 'Personalausweis vorgelegt',
    },
  });
}

describe.skipIf(skipBrowser)(browserSuiteName('data-subject requests'), () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    await createAccount(server, { ...REPORTER, roles: ['reporter'] });
    await createAccount(server, { ...REGISTRAR, roles: ['registrar', 'reporter'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`a registrar answers an access request with the PDF (${viewport})`, async () => {
      const request = await accessRequestOf(
        server,
        viewport === 'phone' ? 'Handy' : 'Schreibtisch',
      );
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, REGISTRAR);
        await page.goto(`${server.origin}/subject-requests`);
        await page
          .getByRole('heading', { level: 1, name: 'Anträge betroffener Personen' })
          .waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        await snap(page, `${viewport}-subject-requests`);
        await page.getByRole('link', { name: request.reference }).click();
        await page
          .getByRole('heading', { level: 1, name: `Antrag ${request.reference}` })
          .waitFor();

        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Auskunft als PDF' }).click();
        expect((await download).suggestedFilename()).toBe(`Auskunft-${request.reference}.pdf`);

        await page.getByLabel('Begründung').fill('Auskunft als PDF per Post versandt.');
        await page.getByRole('button', { name: 'Antwort speichern' }).click();
        await page.getByText('stattgegeben,').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        await snap(page, `${viewport}-subject-request-answered`);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
