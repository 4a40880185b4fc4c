import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, watchPageErrors } from './support/page-checks';
import {
  REGISTRAR,
  confirmedReportOnNewPerson,
  createReporterAndRegistrar,
} from './support/register';
import type { TestServer } from './support/server';

/** A confirmed report on a person, and an access request of that person received today. */
async function accessRequestOf(server: TestServer, familyName: string) {
  const { registrar, person } = await confirmedReportOnNewPerson(server, {
    familyName,
    givenNames: 'Anna',
    daysAgo: 3,
    place: 'Bürgerbüro',
    description: 'Drohte am Schalter.',
    fileNumber: 'StA 77 Js 1/26',
  });
  const today = new Date().toISOString().slice(0, 10);
  return server.services.subjectRequests.record({
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
    [browser, server] = await startBrowserAndServer();
    await createReporterAndRegistrar(server);
  });

  afterAll(() => closeBrowserAndServer(browser, server));

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
        await checkPage(page, `${viewport}-subject-requests`);
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
        await checkPage(page, `${viewport}-subject-request-answered`);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
