import type { Role } from '@zemag/contracts';
import type { Page } from 'playwright-core';
import { authorisedTestDepartment } from '../../apps/api/src/test-support/test-app.ts';
import type { TestServer } from './server';

export interface Credentials {
  displayName: string;
  username: string;
  password: string;
}

/** The first administrator, through the setup link in the browser; ends on the sign-in page. */
export async function setUpFirstAdmin(
  page: Page,
  server: TestServer,
  admin: Credentials,
): Promise<void> {
  await page.goto(await server.issueSetupLink());
  await page.getByLabel('Anzeigename').fill(admin.displayName);
  await page.getByLabel('Benutzername').fill(admin.username);
  await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
  await page.getByLabel('Passwort wiederholen').fill(admin.password);
  await page.getByRole('button', { name: 'Administrationskonto anlegen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
}

/**
 * An account made directly through the services, for a journey's cast: without a department,
 * or — with the `field` role, which only works there — in a department authorised for look-ups.
 */
export async function createAccount(
  server: TestServer,
  account: Credentials & { roles: Role[] },
): Promise<void> {
  const departmentId = account.roles.includes('field')
    ? (await authorisedTestDepartment(server.database)).id
    : null;
  await server.database.db.transaction((tx) =>
    server.services.users.createUser({
      tx,
      username: account.username,
      displayName: account.displayName,
      password: account.password,
      departmentId,
      roles: account.roles,
      actor: null,
    }),
  );
}

/** Signs in on the sign-in page (German UI) and waits for the start page. */
export async function signInAs(page: Page, server: TestServer, who: Credentials): Promise<void> {
  await page.goto(`${server.origin}/sign-in`);
  await page.getByLabel('Benutzername').fill(who.username);
  await page.getByLabel('Passwort').fill(who.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: `Guten Tag, ${who.displayName}` }).waitFor();
}
