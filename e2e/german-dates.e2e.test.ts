import { randomUUID } from 'node:crypto';
import { IncidentReportInput, permissionsFor } from '@zemag/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import { type Credentials, createAccount, signInAs } from './support/accounts';
import { browserSuiteName, newContext, skipBrowser } from './support/browser';
import { closeBrowserAndServer, startBrowserAndServer } from './support/journey';
import { checkPage, watchPageErrors } from './support/page-checks';
import { REGISTRAR, REPORTER, createReporterAndRegistrar } from './support/register';
import type { TestServer } from './support/server';

const JOURNEY_TIMEOUT = 180_000;

/** The registrar who activates (four-eyes), and an administrator. */
const SECOND: Credentials = {
  displayName: 'Sven Zweit',
  username: 'sven.zweit',
  password: 'ein zweiter langer Satz als Passwort',
};
const ADMIN: Credentials = {
  displayName: 'Ada Admin',
  username: 'ada.admin',
  password: 'ein dritter langer Satz als Passwort',
};

/** A day `days` from today, as the API writes it and as a German types it. */
function day(days: number): { iso: string; german: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [year, month, dayOfMonth] = iso.split('-');
  return { iso, german: `${dayOfMonth}.${month}.${year}` };
}

/** The body of the request `act` sends to a path matching `path` (not a GET). */
async function sentBody(page: Page, path: RegExp, act: () => Promise<void>): Promise<string> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() !== 'GET' && path.test(new URL(r.url()).pathname)),
    act(),
  ]);
  return request.postData() ?? '';
}

/**
 * A confirmed level-2 report with a criminal complaint on "Zeitlos, Karl", whose person is not
 * yet linked to a record: the registrar creates the record in the browser.
 */
async function confirmedReportWithoutRecord(server: TestServer) {
  const actor = async (username: string, roles: Parameters<typeof permissionsFor>[0]) => {
    const { user } = await findUserByUsername({ db: server.database.db, username });
    return { id: user!.id, abilities: permissionsFor(roles) };
  };
  const reporter = await actor(REPORTER.username, ['reporter']);
  const registrar = await actor(REGISTRAR.username, ['registrar', 'reporter']);
  const s = server.services;
  const { receipt } = await s.incidents.submit({
    actor: reporter,
    key: randomUUID(),
    report: IncidentReportInput.parse({
      occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      place: { description: 'Bürgerbüro Süd' },
      categories: ['threat'],
      level: 2,
      description: 'Drohte mit Schlägen.',
      criminalComplaint: { status: 'yes', fileNumber: 'StA 77 Js 14/26' },
      persons: [{ familyName: 'Zeitlos', givenNames: 'Karl' }],
    }),
  });
  await s.incidents.startReview({ actor: registrar, id: receipt.id });
  await s.incidents.decide({
    actor: registrar,
    id: receipt.id,
    decision: { decision: 'confirm', note: '' },
  });
  return receipt;
}

describe.skipIf(skipBrowser)(browserSuiteName('German dates in every date field'), () => {
  let browser: Browser;
  let server: TestServer;
  /** The listing the first journey proposes; the second decides on it. */
  let listingPath = '';

  beforeAll(async () => {
    [browser, server] = await startBrowserAndServer();
    await createReporterAndRegistrar(server);
  });

  afterAll(() => closeBrowserAndServer(browser, server));

  it(
    'on a phone a registrar types German dates into every date field; the server gets ISO and the pages show them German',
    async () => {
      const incident = await confirmedReportWithoutRecord(server);
      const context = await newContext(browser, 'phone');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, REGISTRAR);

        // A new person record, from the report: 14.03.1978.
        await page.goto(`${server.origin}/review/${incident.id}`);
        const involved = page.getByTestId('involved-person');
        await involved.getByRole('button', { name: 'Neue Person anlegen' }).click();
        await involved.getByLabel('Geburtsdatum').fill('14.03.1978');
        await checkPage(page, 'phone-dates-person-form');
        const created = await sentBody(page, /\/persons$|\/link$|\/persons\//, () =>
          involved.getByRole('button', { name: 'Person anlegen und verknüpfen' }).click(),
        );
        expect(created).toContain('"dateOfBirth":"1978-03-14"');
        await page.getByText('Der Datensatz Zeitlos, Karl ist angelegt und verknüpft.').waitFor();
        await involved
          .getByRole('link', { name: 'Personendatensatz von Zeitlos, Karl öffnen' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Zeitlos, Karl' }).waitFor();
        await page.getByText('geb. 14.03.1978').first().waitFor();
        const personUrl = page.url();
        const personId = personUrl.split('/persons/')[1]!;

        // Correcting the data: the date of birth shown German, changed with a short date; an
        // address valid from 1.3.2020.
        await page.getByRole('button', { name: 'Daten berichtigen' }).click();
        const form = page.getByRole('form', { name: 'Daten berichtigen' });
        expect(await form.getByLabel('Geburtsdatum').inputValue()).toBe('14.03.1978');
        await form.getByLabel('Geburtsdatum').fill('1.3.1978');
        await form.getByRole('button', { name: 'Adresse hinzufügen' }).click();
        await form.getByLabel('Straße').fill('Lindenweg');
        await form.getByLabel('Hausnummer').fill('4');
        await form.getByLabel('gültig ab').fill('1.3.2020');
        await form.getByLabel('Grund der Berichtigung').fill('Meldeauskunft vom 2. März 2026');
        await checkPage(page, 'phone-dates-correction');
        const corrected = await sentBody(page, /\/persons\//, () =>
          form.getByRole('button', { name: 'Berichtigung speichern' }).click(),
        );
        expect(corrected).toContain('"dateOfBirth":"1978-03-01"');
        expect(corrected).toContain('"validFrom":"2020-03-01"');
        await page.getByText('geb. 01.03.1978').first().waitFor();
        await page.getByText('01.03.2020', { exact: false }).first().waitFor();

        // Proposing the listing, valid until a German date.
        const until = day(300);
        await page.getByRole('button', { name: 'Eintrag vorschlagen' }).click();
        const proposal = page.getByTestId('proposal-form');
        await proposal.getByLabel('Gültig bis').fill(until.german);
        await proposal
          .getByLabel('Begründung')
          .fill('Drohung mit Strafanzeige; Hausbesuche stehen an.');
        await checkPage(page, 'phone-dates-proposal');
        const proposed = await sentBody(page, /\/listings$/, () =>
          proposal.getByRole('button', { name: 'Vorschlag einreichen' }).click(),
        );
        expect(proposed).toContain(`"validUntil":"${until.iso}"`);
        await page.getByRole('heading', { level: 1, name: 'Eintrag zu Zeitlos, Karl' }).waitFor();
        await page.getByTestId('listing-data').getByText(until.german).waitFor();
        listingPath = new URL(page.url()).pathname;

        // A data-subject request received yesterday.
        const received = day(-1);
        await page.goto(`${server.origin}/subject-requests`);
        await page.getByLabel('Personen-ID').fill(personId);
        await page.getByLabel('Eingegangen am').fill(received.german);
        await page.getByLabel('Identität geprüft durch').fill('Personalausweis vorgelegt');
        await checkPage(page, 'phone-dates-subject-request');
        const recorded = await sentBody(page, /\/subject-requests$/, () =>
          page.getByRole('button', { name: 'Antrag erfassen' }).click(),
        );
        expect(recorded).toContain(`"receivedOn":"${received.iso}"`);
        await page.getByText(received.german, { exact: false }).first().waitFor();
        // Its deadline extended, and its answer dated, both typed German.
        const due = day(60);
        await page.getByLabel('Neue Frist').fill(due.german);
        await page
          .getByLabel('Grund der Verlängerung')
          .fill('Umfangreiche Akten, Rückfrage beim Ordnungsamt.');
        const extendedDue = await sentBody(page, /\/extension$/, () =>
          page.getByRole('button', { name: 'Frist verlängern' }).click(),
        );
        expect(extendedDue).toContain(`"extendedDueOn":"${due.iso}"`);
        await page.getByText(due.german, { exact: false }).first().waitFor();
        const answeredOn = day(0);
        await page.getByLabel('Beantwortet am').fill(answeredOn.german);
        await page.getByLabel('Begründung').fill('Auskunft als PDF per Post versandt.');
        await checkPage(page, 'phone-dates-subject-request-answer');
        const answered = await sentBody(page, /\/answer$/, () =>
          page.getByRole('button', { name: 'Antwort speichern' }).click(),
        );
        expect(answered).toContain(`"answeredOn":"${answeredOn.iso}"`);
        await page.getByText('stattgegeben,').waitFor();

        // The look-up by date of birth, typed short; the answer shows it German.
        await page.goto(`${server.origin}/lookup`);
        await page.getByLabel('Aktenzeichen').fill('VZ 2026/0412');
        await page.getByLabel('Grund').selectOption({ label: 'Hausbesuch' });
        await page.getByLabel('Familienname').fill('Zeitlos');
        await page.getByLabel('Geburtsdatum').fill('1.3.1978');
        const asked = await sentBody(page, /\/lookups$/, () =>
          page.getByRole('button', { name: 'Abfragen' }).click(),
        );
        expect(asked).toContain('"dateOfBirth":"1978-03-01"');
        const hit = page.getByTestId('hit');
        await hit.first().waitFor();
        expect(await hit.first().innerText()).toContain('01.03.1978');
        await checkPage(page, 'phone-dates-lookup');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'on a phone the listing’s letter, extension and restriction dates and a role’s end are typed German and sent as ISO',
    async () => {
      expect(listingPath).toMatch(/^\/listings\//);
      await createAccount(server, { ...SECOND, roles: ['registrar'] });
      await createAccount(server, { ...ADMIN, roles: ['admin'] });
      const { user: second } = await findUserByUsername({
        db: server.database.db,
        username: SECOND.username,
      });
      await server.services.listings.activate({
        actor: { id: second!.id },
        id: listingPath.split('/').at(-1)!,
        reason: null,
      });
      const context = await newContext(browser, 'phone');
      const page = await context.newPage();
      const pageErrors = watchPageErrors(page);
      try {
        await signInAs(page, server, REGISTRAR);
        await page.goto(`${server.origin}${listingPath}`);
        await page.getByRole('heading', { level: 1, name: 'Eintrag zu Zeitlos, Karl' }).waitFor();

        // The letter was sent today, typed German.
        const today = day(0);
        const letter = page.getByTestId('notification-form');
        await letter.getByLabel('Versandt am').fill(today.german);
        await checkPage(page, 'phone-dates-notification');
        const noted = await sentBody(page, /\/notification$/, () =>
          letter.getByRole('button', { name: 'Festhalten' }).click(),
        );
        expect(noted).toContain(`"sentOn":"${today.iso}"`);
        await page.getByText('Der Stand der Benachrichtigung ist festgehalten.').waitFor();

        // An extension: the proposed date is shown German; another typed German is sent ISO.
        const longer = day(500);
        await page.getByRole('button', { name: 'Verlängerung vorschlagen' }).click();
        const extend = page.getByRole('dialog', { name: 'Verlängerung vorschlagen' });
        expect(await extend.getByLabel('Neues Gültig-bis-Datum').inputValue()).toMatch(
          /^\d{2}\.\d{2}\.\d{4}$/,
        );
        await extend.getByLabel('Neues Gültig-bis-Datum').fill(longer.german);
        await extend.getByLabel('Begründung').fill('Weitere Drohungen im letzten Monat.');
        await checkPage(page, 'phone-dates-extension');
        const extended = await sentBody(page, /\/listings\//, () =>
          extend.getByRole('button', { name: 'Verlängerung vorschlagen' }).click(),
        );
        expect(extended).toContain(`"${longer.iso}"`);
        await page.getByText(`Verlängerung bis ${longer.german} vorgeschlagen`).waitFor();

        // A restriction until a German date.
        const decideBy = day(14);
        await page.getByRole('button', { name: 'Einschränken (Widerspruch)' }).click();
        const restrict = page.getByRole('dialog', { name: 'Eintrag einschränken' });
        await restrict.getByLabel('Entscheidung bis').fill(decideBy.german);
        await restrict.getByLabel('Begründung').fill('Herr Zeitlos bestreitet den Vorfall.');
        const restricted = await sentBody(page, /\/listings\//, () =>
          restrict.getByRole('button', { name: 'Einschränken (Widerspruch)' }).click(),
        );
        expect(restricted).toContain(`"${decideBy.iso}"`);
        await page.getByText(`Entscheidung bis ${decideBy.german}.`).waitFor();
        await checkPage(page, 'phone-dates-restricted');

        // An administrator gives a role until a German date.
        await page.getByRole('button', { name: 'Abmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
        await signInAs(page, server, ADMIN);
        const { user: reporter } = await findUserByUsername({
          db: server.database.db,
          username: REPORTER.username,
        });
        await page.goto(`${server.origin}/admin/users/${reporter!.id}`);
        await page.getByRole('heading', { level: 1, name: REPORTER.displayName }).waitFor();
        const ends = day(60);
        await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Leitstelle' });
        await page.getByLabel('Gültig bis').fill(ends.german);
        await checkPage(page, 'phone-dates-grant');
        const granted = await sentBody(page, /\/grants$/, () =>
          page.getByRole('button', { name: 'Rolle vergeben' }).click(),
        );
        expect(granted).toContain(`"endsOn":"${ends.iso}"`);
        await page.getByText(ends.german).first().waitFor();
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
