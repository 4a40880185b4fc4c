import { randomUUID } from 'node:crypto';
import type { Role } from '@zemag/contracts';
import { expect } from 'vitest';
import { createTestUser, signIn, type TestApp } from './test-app.js';

/** Session cookies of the people a register test needs. */
export interface Cast {
  reporter: string;
  /** Registrar A proposes and decides; registrar B is the second pair of eyes. */
  registrarA: string;
  registrarB: string;
  /** Field staff in the department authorised for look-ups. */
  field: string;
}

/** A new user with these roles, signed in; the session cookie. */
export async function signedIn(t: TestApp, roles: Role[]): Promise<string> {
  return (await signIn(t.app, await createTestUser(t, { roles }))).cookie;
}

/** A new registrar (who may also report), signed in. */
export const signedInRegistrar = (t: TestApp) => signedIn(t, ['reporter', 'registrar']);

/** A reporter, two registrars and a field worker, each signed in. */
export async function signInCast(t: TestApp): Promise<Cast> {
  const reporter = await signedIn(t, ['reporter']);
  const registrarA = await signedInRegistrar(t);
  const registrarB = await signedInRegistrar(t);
  const field = await signedIn(t, ['field']);
  return { reporter, registrarA, registrarB, field };
}

/** A request to the API as the user of this session cookie. */
export const call = (
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A report submitted with this session; its id. */
export async function submittedReport(t: TestApp, cookie: string, report: object) {
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/incidents',
    headers: { cookie, 'idempotency-key': randomUUID() },
    payload: report,
  });
  expect(submitted.statusCode).toBe(201);
  return submitted.json().id as string;
}

/** A report by `reporter`, confirmed by registrar A; the incident as registrar A reads it. */
export async function confirmedReport(
  t: TestApp,
  cookies: { reporter: string; registrarA: string },
  report: object,
) {
  const id = await submittedReport(t, cookies.reporter, report);
  const url = `/api/v1/incidents/${id}`;
  const decided = await call(t, cookies.registrarA, 'POST', `${url}/decision`, {
    decision: 'confirm',
  });
  expect(decided.statusCode).toBe(200);
  return (await call(t, cookies.registrarA, 'GET', url)).json();
}

/** The report's first person linked by this registrar to a new person record; the record. */
export async function linkedToNewPerson(
  t: TestApp,
  registrar: string,
  incident: { id: string; persons: { id: string }[] },
  create: object,
) {
  const url = `/api/v1/incidents/${incident.id}/persons/${incident.persons[0]!.id}/link`;
  const linked = await call(t, registrar, 'POST', url, { create });
  expect(linked.statusCode).toBe(200);
  return linked.json();
}

/** A listing proposed by registrar A and activated by registrar B; its id. */
export async function activatedListing(
  t: TestApp,
  cookies: { registrarA: string; registrarB: string },
  proposal: { personId: string; incidentIds: string[]; reason: string },
) {
  const proposed = await call(t, cookies.registrarA, 'POST', '/api/v1/listings', proposal);
  expect(proposed.statusCode).toBe(201);
  const listingId: string = proposed.json().id;
  const activation = `/api/v1/listings/${listingId}/activate`;
  expect((await call(t, cookies.registrarB, 'POST', activation, {})).statusCode).toBe(200);
  return listingId;
}

const COUNTER_REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: { description: 'Bürgerbüro, Schalter 3' },
  categories: ['threat'],
  level: 2,
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 1234/25' },
};

/**
 * A person with an active listing: reported at the counter (with `others` involved as well),
 * confirmed, linked to a new record with an address a letter can go to, proposed by registrar A
 * and activated by registrar B.
 */
export async function listedAtCounter(
  t: TestApp,
  cookies: { reporter: string; registrarA: string; registrarB: string },
  { familyName, givenNames }: { familyName: string; givenNames: string },
  more: { description?: string; others?: { familyName: string; givenNames: string }[] } = {},
) {
  const incident = await confirmedReport(t, cookies, {
    ...COUNTER_REPORT,
    ...(more.description ? { description: more.description } : {}),
    persons: [{ familyName, givenNames }, ...(more.others ?? [])],
  });
  const person = await linkedToNewPerson(t, cookies.registrarA, incident, {
    familyName,
    givenNames,
    address: { street: 'Hauptstraße', houseNumber: '1', postalCode: '12345', city: 'X' },
  });
  const personId: string = person.id;
  const incidentId: string = incident.id;
  const listingId = await activatedListing(t, cookies, {
    personId,
    incidentIds: [incidentId],
    reason: 'Bedrohung am Schalter',
  });
  return { personId, incidentId, listingId };
}
