import { randomUUID } from 'node:crypto';
import { IncidentReportInput } from '@zemag/contracts';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../apps/api/src/modules/identity/identity.repository.ts';
import { listings as listingsTable } from '../apps/api/src/modules/listings/listings.table.ts';
import { createAccount, signInAs } from './support/accounts';
import { seriousViolations } from './support/axe';
import {
  CHROMIUM_PATH,
  browserSuiteName,
  hasChromium,
  launchBrowser,
  newContext,
  skipBrowser,
  type ViewportName,
} from './support/browser';
import { elementsPastTheEdge, overflowsHorizontally, watchPageErrors } from './support/page-checks';
import { snap } from './support/screenshot';
import { type TestServer, startServer } from './support/server';

const REPORTER = {
  displayName: 'Erika Mustermann',
  username: 'erika.mustermann',
  password: 'ein langer Satz als Passwort',
};
const REGISTRAR_A = {
  displayName: 'Rita Register',
  username: 'rita.register',
  password: 'noch ein langer Satz als Passwort',
};
const REGISTRAR_B = {
  displayName: 'Bernd Zweitprüfer',
  username: 'bernd.zweitpruefer',
  password: 'ein dritter langer Satz als Passwort',
};
const FIELD = {
  displayName: 'Fiona Außendienst',
  username: 'fiona.aussendienst',
  password: 'ein vierter langer Satz als Passwort',
};

/** Whether a field look-up for Max Mustermann, born 12.04.1980, finds him (as the look-up page asks). */
async function fieldFinds(server: TestServer): Promise<boolean> {
  const { user } = await findUserByUsername({ db: server.database.db, username: FIELD.username });
  const result = await server.services.lookup.lookup({
    actor: { id: user!.id, abilities: ['register.lookup'] },
    request: {
      familyName: 'Mustermann',
      givenNames: 'Max',
      dateOfBirth: '1980-04-12',
      purpose: { fileNumber: 'VZ-2026-118', reason: 'home_visit' },
    },
  });
  return result.candidates.length > 0;
}

/** The page is accessible, fits the screen, and is kept as a screenshot. */
async function check(page: Page, viewport: ViewportName, name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
  // A mobile layout viewport widens with its content; compare with the screen itself too.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > page.viewportSize()!.width)
    expect(await elementsPastTheEdge(page, page.viewportSize()!.width)).toEqual([]);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await snap(page, `${viewport}-review-${name}`);
}

/** A page at the brief's sizes: a narrow 360 px phone, or a desk. */
async function openPage(context: BrowserContext, viewport: ViewportName): Promise<Page> {
  const page = await context.newPage();
  if (viewport === 'phone') await page.setViewportSize({ width: 360, height: 780 });
  return page;
}

/** A level-2 report on Max Mustermann, as the reporter's phone sends it. */
async function submitReport(
  server: TestServer,
  { complaint, description }: { complaint: boolean; description: string },
): Promise<string> {
  const { user } = await findUserByUsername({
    db: server.database.db,
    username: REPORTER.username,
  });
  const { receipt } = await server.services.incidents.submit({
    actor: { id: user!.id, abilities: ['incident.report', 'incident.read_own'] },
    key: randomUUID(),
    report: IncidentReportInput.parse({
      occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      place: {
        address: {
          street: 'Hauptstraße',
          houseNumber: '12',
          postalCode: '12345',
          city: 'Musterstadt',
        },
        description: 'Im Treppenhaus, 2. Stock',
      },
      categories: ['threat', 'physical_violence'],
      level: 2,
      description,
      injuries: 'minor',
      policeInvolved: true,
      criminalComplaint: complaint
        ? { status: 'yes', fileNumber: 'StA 123 Js 456/26' }
        : { status: 'no', fileNumber: null },
      persons: [
        {
          familyName: 'Mustermann',
          givenNames: 'Max',
          dateOfBirth: '1980-04-12',
          address: {
            street: 'Hauptstraße',
            houseNumber: '12',
            postalCode: '12345',
            city: 'Musterstadt',
          },
          description: 'ca. 1,90 m, Glatze',
        },
      ],
    }),
  });
  return receipt.reference;
}

describe.skipIf(skipBrowser)(browserSuiteName('review and listings in the browser'), () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but there is no Chromium at ${CHROMIUM_PATH}`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each<ViewportName>(['phone', 'desktop'])(
    'on a %s a registrar confirms a report, creates the person and proposes a listing, a second registrar activates it; both extend it, and a restriction hides it from field look-ups',
    async (viewport) => {
      const server = await startServer();
      const first = await newContext(browser, viewport);
      const second = await newContext(browser, viewport);
      const page = await openPage(first, viewport);
      const page2 = await openPage(second, viewport);
      const pageErrors = [...watchPageErrors(page), ...watchPageErrors(page2)];
      try {
        await createAccount(server, { ...REPORTER, roles: ['reporter'] });
        await createAccount(server, { ...REGISTRAR_A, roles: ['registrar', 'reporter'] });
        await createAccount(server, { ...REGISTRAR_B, roles: ['registrar', 'reporter'] });
        await createAccount(server, { ...FIELD, roles: ['field'] });
        const reference = await submitReport(server, {
          complaint: true,
          description: 'Der Mann drohte mit Schlägen und stieß die Kollegin gegen die Tür.',
        });
        const second = await submitReport(server, {
          complaint: false,
          description: 'Er beschimpfte und bedrohte die Kollegin am Schalter.',
        });

        // Registrar A: the start page counts the waiting report.
        await signInAs(page, server, REGISTRAR_A);
        const links = page.getByTestId('review-links');
        await links.getByRole('link', { name: 'Meldungen prüfen (2)' }).waitFor();
        await links.getByRole('link', { name: 'Einträge aktivieren (0)' }).waitFor();
        await check(page, viewport, 'home');

        // The queue: level by colour and words, categories, reporter, place.
        await links.getByRole('link', { name: 'Meldungen prüfen (2)' }).click();
        await page.getByRole('heading', { level: 1, name: 'Meldungen prüfen' }).waitFor();
        const queue = page.getByTestId('review-queue');
        await queue.getByRole('link', { name: second }).waitFor();
        const row = await queue.locator('tbody tr').first().textContent();
        expect(row).toContain(reference);
        expect(row).toContain('Stufe 2 – Gewalt oder Bedrohung');
        expect(row).toContain('Bedrohung, Körperliche Gewalt');
        expect(row).toContain(REPORTER.displayName);
        expect(row).toContain('Hauptstraße 12, 12345 Musterstadt');
        await check(page, viewport, 'queue');

        // The report: everything reported; take it into review, then confirm.
        await queue.getByRole('link', { name: reference }).click();
        await page.getByRole('heading', { level: 1, name: `Meldung ${reference}` }).waitFor();
        const facts = await page.getByTestId('incident-facts').textContent();
        expect(facts).toContain('stieß die Kollegin');
        expect(facts).toContain('Strafanzeige erstattet – Aktenzeichen StA 123 Js 456/26');
        await check(page, viewport, 'incident');
        await page.getByRole('button', { name: 'In Prüfung nehmen' }).click();
        await page.getByText('Die Meldung ist jetzt in Prüfung.').waitFor();
        // The page reloads the report after the notice: the button goes with it.
        await page
          .getByRole('button', { name: 'In Prüfung nehmen' })
          .waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Ablehnen' }).click();
        const reject = page.getByRole('dialog', { name: 'Meldung ablehnen' });
        await reject.getByRole('button', { name: 'Ablehnen' }).click();
        await reject.getByText('Bitte schreiben Sie mindestens 3 Zeichen.').waitFor();
        await check(page, viewport, 'reject-dialog');
        await reject.getByRole('button', { name: 'Abbrechen' }).click();
        await reject.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: 'Bestätigen' }).click();
        const confirm = page.getByRole('dialog', { name: 'Meldung bestätigen' });
        await confirm.getByLabel('Vermerk (freiwillig)').fill('Angaben und Anzeige geprüft.');
        await check(page, viewport, 'confirm-dialog');
        await confirm.getByRole('button', { name: 'Bestätigen' }).click();
        await page.getByText(`Die Meldung ${reference} ist bestätigt.`).waitFor();
        await page.getByTestId('messages').getByText('Angaben und Anzeige geprüft.').waitFor();
        expect(await page.getByRole('button', { name: 'Bestätigen' }).count()).toBe(0);
        // Level 2: the next step is proposing the listing, once the person is linked.
        const next = page.getByTestId('propose-next');
        await next.getByText('Nächster Schritt: Eintrag vorschlagen').waitFor();
        await next.getByText('Verknüpfen Sie dazu zuerst die beteiligte Person').waitFor();

        // The reported person: no similar record yet; create one, prefilled from the report.
        const involved = page.getByTestId('involved-person');
        await involved.getByText('Kein ähnlicher Datensatz gefunden.').waitFor();
        await involved.getByRole('button', { name: 'Neue Person anlegen' }).click();
        expect(await involved.getByLabel('Familienname').inputValue()).toBe('Mustermann');
        // The date of birth the German way.
        expect(await involved.getByLabel('Geburtsdatum').inputValue()).toBe('12.04.1980');
        expect(await involved.getByLabel('Straße').inputValue()).toBe('Hauptstraße');
        await check(page, viewport, 'person-create');
        await involved.getByRole('button', { name: 'Person anlegen und verknüpfen' }).click();
        await page.getByText('Der Datensatz Mustermann, Max ist angelegt und verknüpft.').waitFor();
        await next.getByRole('link', { name: 'Eintrag für Mustermann, Max vorschlagen' }).waitFor();
        await check(page, viewport, 'incident-confirmed');

        // The second report on the same man: confirmed, and linked through the suggestion.
        await page.getByRole('link', { name: 'Zurück zur Warteschlange' }).click();
        await page.getByTestId('review-queue').getByRole('link', { name: second }).click();
        await page.getByRole('heading', { level: 1, name: `Meldung ${second}` }).waitFor();
        await page.getByRole('button', { name: 'Bestätigen' }).click();
        await page
          .getByRole('dialog', { name: 'Meldung bestätigen' })
          .getByRole('button', { name: 'Bestätigen' })
          .click();
        await page.getByText(`Die Meldung ${second} ist bestätigt.`).waitFor();
        const candidate = page.getByTestId('candidate');
        await candidate.getByText('Mustermann, Max').waitFor();
        expect(await candidate.textContent()).toContain(
          'Vorgeschlagen wegen: gleicher Familienname, übereinstimmender Vorname, passendes Geburtsdatum',
        );
        await check(page, viewport, 'suggestions');
        await candidate.getByRole('button', { name: 'Mit Mustermann, Max verknüpfen' }).click();
        await page.getByText('Verknüpft mit Mustermann, Max.').waitFor();
        await page
          .getByTestId('involved-person')
          .getByRole('link', { name: 'Personendatensatz von Mustermann, Max öffnen' })
          .click();

        // The person page: data, linked report; propose a listing with two precautions.
        await page.getByRole('heading', { level: 1, name: 'Mustermann, Max' }).waitFor();
        await page.getByRole('link', { name: reference }).waitFor();
        await page.getByRole('link', { name: second }).waitFor();
        await check(page, viewport, 'person');

        // Merging asks which record and why; with no similar record, nothing is chosen.
        await page.getByRole('button', { name: 'Doppelten Datensatz zusammenführen' }).click();
        const merge = page.getByRole('dialog', { name: 'Datensätze zusammenführen' });
        await merge
          .getByText('Zu den Meldungen dieser Person gibt es keine ähnlichen Datensätze.')
          .waitFor();
        await merge.getByRole('button', { name: 'Zusammenführen' }).click();
        await merge
          .getByText('Bitte wählen Sie einen Datensatz oder geben Sie eine gültige Kennung an.')
          .first()
          .waitFor();
        await check(page, viewport, 'merge-dialog');
        await merge.getByRole('button', { name: 'Abbrechen' }).click();
        await merge.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: 'Eintrag vorschlagen' }).click();
        const proposal = page.getByTestId('proposal-form');
        expect(
          await proposal.getByRole('checkbox', { name: new RegExp(reference) }).isChecked(),
        ).toBe(true);
        await proposal.getByLabel('Nur zu zweit').check();
        await proposal.getByLabel('Hund bekannt').check();
        await proposal.getByRole('button', { name: 'Vorschlag einreichen' }).click();
        await proposal
          .getByText('Bitte begründen Sie den Vorschlag (mindestens 3 Zeichen).')
          .first()
          .waitFor();
        expect(await proposal.getByLabel('Begründung').getAttribute('aria-invalid')).toBe('true');
        await check(page, viewport, 'proposal-errors');
        await proposal
          .getByLabel('Begründung')
          .fill('Körperlicher Angriff mit Strafanzeige; weitere Hausbesuche stehen an.');

        // Resting only on the report without a criminal complaint: the server says so there.
        const groundOne = proposal.getByRole('checkbox', { name: new RegExp(reference) });
        await groundOne.uncheck();
        await proposal.getByRole('button', { name: 'Vorschlag einreichen' }).click();
        const refusal =
          'Ein Eintrag braucht einen Vorfall der Stufe 2 oder 3, zu dem Strafanzeige erstattet wurde.';
        await page.locator('#proposal-incidentIds-error').getByText(refusal).waitFor();
        await check(page, viewport, 'proposal-refused');
        await groundOne.check();
        await proposal.getByRole('button', { name: 'Vorschlag einreichen' }).click();

        // The proposal: the proposer sees why they cannot activate it.
        await page.getByRole('heading', { level: 1, name: 'Eintrag zu Mustermann, Max' }).waitFor();
        await page.getByText('Der Eintrag zu Mustermann, Max ist vorgeschlagen.').waitFor();
        await page.getByText('Ein zweites Mitglied der Registerstelle muss aktivieren.').waitFor();
        expect(await page.getByRole('button', { name: 'Aktivieren' }).count()).toBe(0);
        expect(await page.getByTestId('precautions').locator('li').allTextContents()).toEqual([
          'Nur zu zweit',
          'Hund bekannt',
        ]);
        const listingPath = new URL(page.url()).pathname;
        expect(listingPath).toMatch(/^\/listings\/[0-9a-f-]{36}$/);
        await check(page, viewport, 'listing-proposed');

        // Registrar B: the waiting activation, from the start page.
        await signInAs(page2, server, REGISTRAR_B);
        const links2 = page2.getByTestId('review-links');
        await links2.getByRole('link', { name: 'Einträge aktivieren (1)' }).click();
        await page2.getByRole('heading', { level: 1, name: 'Einträge' }).waitFor();
        const listings = page2.getByTestId('listings');
        await listings.getByRole('link', { name: 'Mustermann, Max' }).waitFor();
        expect(await listings.textContent()).toContain(REGISTRAR_A.displayName);
        await check(page2, viewport, 'listings');
        await listings.getByRole('link', { name: 'Mustermann, Max' }).click();
        await page2
          .getByRole('heading', { level: 1, name: 'Eintrag zu Mustermann, Max' })
          .waitFor();
        await check(page2, viewport, 'listing-to-activate');
        await page2.getByRole('button', { name: 'Aktivieren' }).click();
        const activate = page2.getByRole('dialog', { name: 'Eintrag aktivieren' });
        await activate.getByLabel('Vermerk (freiwillig)').fill('Grundlagen geprüft.');
        await activate.getByRole('button', { name: 'Aktivieren' }).click();
        await page2.getByText('Der Eintrag zu Mustermann, Max ist aktiv.').waitFor();

        // The letter, then its record.
        await page2.getByRole('button', { name: 'Benachrichtigungsschreiben (PDF)' }).waitFor();
        const [download] = await Promise.all([
          page2.waitForEvent('download'),
          page2.getByRole('button', { name: 'Benachrichtigungsschreiben (PDF)' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^Benachrichtigung-.+\.pdf$/);
        const form = page2.getByTestId('notification-form');
        await form.getByLabel('Zurückgehalten').check();
        await form.getByRole('button', { name: 'Festhalten' }).click();
        await form.getByText('Bitte begründen Sie das Zurückhalten').first().waitFor();
        await form.getByLabel('Versandt', { exact: true }).check();
        await form.getByRole('button', { name: 'Festhalten' }).click();
        await page2.getByText('Der Stand der Benachrichtigung ist festgehalten.').waitFor();
        await check(page2, viewport, 'listing-active');

        // The proposer sees it active, with the whole history and still no activate button.
        await page.goto(`${server.origin}${listingPath}`);
        await page.getByRole('heading', { level: 1, name: 'Eintrag zu Mustermann, Max' }).waitFor();
        const data = await page.getByTestId('listing-data').textContent();
        expect(data).toContain('Aktiv');
        expect(data).toContain(REGISTRAR_B.displayName);
        const history = page.getByTestId('history');
        expect(await history.locator('> li').count()).toBe(3);
        const historyText = await history.textContent();
        expect(historyText).toContain('Vorgeschlagen');
        expect(historyText).toContain(REGISTRAR_A.displayName);
        expect(historyText).toContain('Körperlicher Angriff mit Strafanzeige');
        expect(historyText).toContain('Aktiviert');
        expect(historyText).toContain('Grundlagen geprüft.');
        expect(historyText).toContain('Benachrichtigung versandt');
        expect(await page.getByRole('button', { name: 'Aktivieren' }).count()).toBe(0);
        await check(page, viewport, 'listing-history');

        // Two registrars extend the listing: A proposes, B confirms.
        await page.getByRole('button', { name: 'Verlängerung vorschlagen' }).click();
        const extend = page.getByRole('dialog', { name: 'Verlängerung vorschlagen' });
        const newEnd = await extend.getByLabel('Neues Gültig-bis-Datum').inputValue();
        // Proposed the German way (DD.MM.YYYY); the date field sends it as ISO.
        expect(newEnd).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
        await extend.getByLabel('Begründung').fill('Weitere Drohungen im letzten Monat.');
        await check(page, viewport, 'extend-dialog');
        await extend.getByRole('button', { name: 'Verlängerung vorschlagen' }).click();
        await page.getByText('Die Verlängerung ist vorgeschlagen.', { exact: false }).waitFor();
        await page
          .getByText('Ein anderes Mitglied der Registerstelle bestätigt die Verlängerung.')
          .waitFor();
        expect(await page.getByRole('button', { name: 'Verlängerung bestätigen' }).count()).toBe(0);
        await page2.reload();
        await page2.getByRole('button', { name: 'Verlängerung bestätigen' }).click();
        await page2.getByText('Die Verlängerung ist bestätigt.').waitFor();
        // The page shows the confirmation first, then the listing as reloaded from the server.
        await page2.getByTestId('listing-data').getByText(newEnd).waitFor({ timeout: 10_000 });
        expect(await page2.getByTestId('history').textContent()).toContain(
          'Verlängerung bestätigt',
        );
        await check(page2, viewport, 'listing-extended');

        // A dispute: B restricts the listing; field look-ups no longer show the person.
        expect(await fieldFinds(server)).toBe(true);
        await page2.getByRole('button', { name: 'Einschränken (Widerspruch)' }).click();
        const restrict = page2.getByRole('dialog', { name: 'Eintrag einschränken' });
        const decideBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
        await restrict.getByLabel('Entscheidung bis').fill(decideBy);
        await restrict.getByLabel('Begründung').fill('Herr Mustermann bestreitet den Vorfall.');
        await check(page2, viewport, 'restrict-dialog');
        await restrict.getByRole('button', { name: 'Einschränken (Widerspruch)' }).click();
        await page2.getByText('Der Eintrag ist eingeschränkt.').waitFor();
        await page2.getByTestId('restriction').waitFor();
        expect(
          await page2.getByRole('button', { name: 'Benachrichtigungsschreiben (PDF)' }).count(),
        ).toBe(0);
        await check(page2, viewport, 'listing-restricted');
        expect(await fieldFinds(server)).toBe(false);

        // Nobody decides in time: the decide-by date passes (moved back in the database, as
        // the day after it would see it). The listing and B's start page say so.
        const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        await server.database.db
          .update(listingsTable)
          .set({ restrictedUntil: yesterday })
          .where(eq(listingsTable.id, listingPath.split('/').at(-1)!));
        await page2.reload();
        await page2
          .getByTestId('restriction-overdue')
          .getByText('Entscheidung überfällig')
          .waitFor();
        await check(page2, viewport, 'listing-restriction-overdue');
        await page2.goto(`${server.origin}/`);
        const overdue = page2.getByTestId('overdue-restrictions');
        await overdue.waitFor();
        await check(page2, viewport, 'home-restriction-overdue');
        await overdue
          .getByRole('link', { name: /^Mustermann, Max – Entscheidung war fällig am/ })
          .click();
        await page2.getByTestId('restriction-overdue').waitFor();

        expect(pageErrors).toEqual([]);
      } catch (error) {
        await snap(page, `${viewport}-review-FAILED-a`);
        await snap(page2, `${viewport}-review-FAILED-b`);
        throw error;
      } finally {
        await first.close();
        await second.close();
        await server.close();
      }
    },
    300_000,
  );
});
