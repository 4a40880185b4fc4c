/* global document */
// `npm run screenshots`: the README's pictures, taken from the demo city Musterstadt.
// Expects `npm run build` to be done; starts the built server with ZEMAG_DEMO=1 on an empty
// temporary database and a free port, signs in through the demo buttons as a visitor would,
// and writes docs/screenshots/<phone|desktop>-<screen>.png (SCREENSHOTS_ONLY=outbox: only the
// phone's outbox states).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { toPalettePng } from './png-palette.mjs';

const root = path.resolve(import.meta.dirname, '..');
const serverJs = path.join(root, 'apps/api/dist/server.js');
const webIndex = path.join(root, 'apps/web/dist/index.html');
const outDir = path.join(root, 'docs/screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** Who is signed in for which screens (display names from apps/api/src/modules/demo/demo.data.ts). */
const JOURNEYS = [
  {
    account: 'Sven Yıldız',
    screens: [
      { name: 'home-field', path: '/', heading: 'Guten Tag, Sven Yıldız' },
      { name: 'report-new', path: '/reports/new', heading: 'Vorfall melden' },
      {
        name: 'lookup',
        path: '/lookup',
        heading: 'Person oder Adresse abfragen',
        act: (page) => lookUp(page, { familyName: 'Maier', givenNames: 'Klaus' }),
      },
      { name: 'visits', path: '/visits', heading: 'Besuchsliste', act: checkVisitList },
      { name: 'security', path: '/security', heading: 'Sicherheit' },
    ],
  },
  {
    account: 'Aylin Demir',
    screens: [
      { name: 'home-registrar', path: '/', heading: 'Guten Tag, Aylin Demir' },
      { name: 'review-queue', path: '/review', heading: 'Meldungen prüfen' },
      { name: 'listings', path: '/listings', heading: 'Einträge' },
      {
        name: 'lookup-registrar',
        path: '/lookup',
        heading: 'Person oder Adresse abfragen',
        act: (page) => lookUp(page, { familyName: 'Yilmaz' }),
      },
      // three screens: the rule, the period and the first tables
      {
        name: 'statistics',
        path: '/statistics',
        heading: 'Statistik',
        act: (page) => page.getByTestId('stat-period').waitFor(),
        screens: 3,
      },
    ],
  },
  {
    account: 'Katrin Vogel',
    screens: [
      // twice the screen's height: the account list starts below the search form
      { name: 'admin-users', path: '/admin/users', heading: 'Benutzerkonten', screens: 2 },
      { name: 'admin-grants', path: '/admin/grants', heading: 'Bestätigungen' },
    ],
  },
];

/** The look-up's purpose and a person, sent; the answer's heading has the focus (in view). */
async function lookUp(page, { familyName, givenNames = '' }) {
  await page.getByRole('option', { name: 'Hausbesuch' }).waitFor({ state: 'attached' });
  await page.getByLabel('Aktenzeichen').fill('SD 50-2026-88');
  await page.getByLabel('Grund').selectOption({ label: 'Hausbesuch' });
  await page.getByLabel('Familienname').fill(familyName);
  await page.getByLabel('Vorname').fill(givenNames);
  await page.getByRole('button', { name: 'Abfragen' }).click();
  await page.getByTestId('lookup-answer').waitFor();
}

/** A day's visits with one purpose: a hit by a variant spelling, an address, a miss. */
async function checkVisitList(page) {
  await page.getByRole('option', { name: 'Vollstreckung' }).waitFor({ state: 'attached' });
  await page.getByLabel('Aktenzeichen').fill('VZ 2026/0412');
  await page.getByLabel('Grund').selectOption({ label: 'Vollstreckung' });
  await page
    .getByLabel('Termine', { exact: true })
    .fill(
      ['Maier, Klaus', 'Bahnhofstr. 7 a, Musterstadt', 'Schneider, Anna, 03.06.1992'].join('\n'),
    );
  await page.getByRole('button', { name: 'Liste prüfen' }).click();
  await page.getByTestId('visit-line').first().waitFor();
}

const PROBLEM = (status, code, errors) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({
    type: 'about:blank',
    title: code,
    status,
    code,
    detail: { de: code, en: code },
    ...(errors ? { errors } : {}),
  }),
});

/**
 * The states of a report on the phone (README, "Reporting"): saved offline, not taken by the
 * server, sending, needs sign-in, arrived, refused. The server's answers are shaped in the
 * browser; the session ends by deleting the cookie, as after the idle timeout.
 */
async function shootOutboxStates(newPage, origin) {
  const page = await newPage();
  const context = page.context();
  // Granting one permission denies the others, Background Sync among them: its requests from
  // the service worker would pass by the answers shaped here.
  await context.grantPermissions(['clipboard-read'], { origin });
  let answer = 'pass';
  let release = () => undefined;
  await page.route('**/api/v1/incidents', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    if (answer === 'unavailable') return route.fulfill(PROBLEM(503, 'server.unavailable'));
    if (answer === 'refuse') {
      const errors = [
        { field: 'place.description', code: 'too_long', message: { de: 'x', en: 'x' } },
      ];
      return route.fulfill(PROBLEM(400, 'request.invalid', errors));
    }
    if (answer === 'hold') await new Promise((resolve) => (release = resolve));
    return route.continue();
  });
  await signInWithDemoButton(page, origin, 'Sven Yıldız');
  const fill = async (place) => {
    await page.goto(`${origin}/reports/new`);
    await page.getByRole('heading', { level: 1, name: 'Vorfall melden' }).waitFor();
    await page.getByRole('checkbox', { name: 'Bedrohung' }).click();
    await page.getByLabel('Ort in Worten').fill(place);
  };
  await fill('Wohnanlage Lindenweg 4, Treppenhaus');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await page.getByText(/^Gespeichert auf diesem Gerät/).waitFor();
  await shoot(page, 'phone-outbox-saved.png');

  answer = 'unavailable';
  await context.setOffline(false);
  await page.getByText(/Nächster Versuch um/).waitFor();
  await shoot(page, 'phone-outbox-failed.png');

  answer = 'hold';
  await page.getByRole('button', { name: 'Jetzt senden' }).click();
  await page.getByText(/wird gerade gesendet/).waitFor();
  await shoot(page, 'phone-outbox-sending.png');
  // The session ends meanwhile: the server answers 401.
  await context.clearCookies();
  answer = 'pass';
  release();
  await page.getByText('Bitte erneut anmelden').waitFor();
  await shoot(page, 'phone-outbox-needs-sign-in.png');

  await page.getByRole('button', { name: 'Anmelden und senden' }).click();
  await page.getByRole('button', { name: 'Anmelden als Sven Yıldız' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meine Meldungen' }).waitFor();
  await page.getByTestId('outbox-arrivals').waitFor();
  await shoot(page, 'phone-outbox-arrived.png');
  await page.getByRole('button', { name: 'Ausblenden' }).click();
  await page.getByTestId('outbox-arrivals').waitFor({ state: 'detached' });

  answer = 'refuse';
  await fill('Bürgerbüro Süd, Schalter 1');
  await page.getByRole('button', { name: 'Meldung senden' }).click();
  await page.getByText('Die Eingabe ist zu lang.').first().waitFor();
  await page.goto(`${origin}/reports`);
  await page.getByText('Meldung nicht angenommen').waitFor();
  await shoot(page, 'phone-outbox-refused.png');
  await context.close();
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The built server in demo mode; resolves once it has seeded Musterstadt and listens. */
async function startDemoServer(dataDir) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [serverJs], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      ZEMAG_PUBLIC_URL: origin,
      ZEMAG_DATA_DIR: dataDir,
      ZEMAG_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready:\n${output}`)), 180_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('Demo mode: Musterstadt')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function shoot(page, file, screens = 1) {
  // Fonts and the last request settled, no blinking caret: the same screen gives the same picture.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  const { width, height } = page.viewportSize();
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const png = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    ...(screens > 1
      ? {
          fullPage: true,
          clip: { x: 0, y: 0, width, height: Math.min(pageHeight, height * screens) },
        }
      : {}),
  });
  fs.writeFileSync(path.join(outDir, file), toPalettePng(png));
  console.log(`  docs/screenshots/${file}`);
}

async function signInWithDemoButton(page, origin, displayName) {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: `Anmelden als ${displayName}` }).click();
  await page.getByRole('heading', { level: 1, name: `Guten Tag, ${displayName}` }).waitFor();
}

async function main() {
  for (const file of [serverJs, webIndex]) {
    if (!fs.existsSync(file))
      fail(`${path.relative(root, file)} is missing: run npm run build first`);
  }
  if (!fs.existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zemag-screenshots-'));
  let server;
  let browser;
  try {
    server = await startDemoServer(dataDir);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    fs.mkdirSync(outDir, { recursive: true });
    for (const [viewportName, options] of Object.entries(VIEWPORTS)) {
      const newPage = async () =>
        (await browser.newContext({ ...options, locale: 'de-DE', deviceScaleFactor: 1 })).newPage();
      if (viewportName === 'phone') await shootOutboxStates(newPage, server.origin);
      // `SCREENSHOTS_ONLY=outbox npm run screenshots` takes only the outbox states.
      if (process.env.SCREENSHOTS_ONLY === 'outbox') continue;

      const signInPage = await newPage();
      await signInPage.goto(`${server.origin}/`);
      await signInPage.getByTestId('demo-accounts').waitFor();
      await shoot(signInPage, `${viewportName}-sign-in.png`);
      await signInPage.context().close();

      for (const journey of JOURNEYS) {
        const page = await newPage();
        await signInWithDemoButton(page, server.origin, journey.account);
        for (const screen of journey.screens) {
          if (new URL(page.url()).pathname !== screen.path) {
            await page.goto(`${server.origin}${screen.path}`);
          }
          await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
          await screen.act?.(page);
          await shoot(page, `${viewportName}-${screen.name}.png`, screen.screens);
        }
        await page.context().close();
      }
    }
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
