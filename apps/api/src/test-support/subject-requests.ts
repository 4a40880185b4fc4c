import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

const REPORT = {
  occurredAt: '2025-12-01T10:00:00+01:00',
  place: { description: 'Bürgerbüro, Schalter 3' },
  categories: ['threat'],
  level: 2,
  criminalComplaint: { status: 'yes', fileNumber: '71 Js 1234/25' },
};

export const call = (
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/**
 * A person with an active listing: reported (with a second, unrelated person and a question to
 * the reporter), confirmed, linked, proposed by registrar A and activated by registrar B.
 */
export async function listedPerson(
  t: TestApp,
  cookies: { reporter: string; registrarA: string; registrarB: string },
  familyName: string,
  givenNames: string,
) {
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/incidents',
    headers: { cookie: cookies.reporter, 'idempotency-key': randomUUID() },
    payload: {
      ...REPORT,
      description: 'Drohte am Schalter mit Gewalt.',
      persons: [
        { familyName, givenNames },
        { familyName: 'Zeugin', givenNames: 'Dritte' },
      ],
    },
  });
  expect(submitted.statusCode).toBe(201);
  const { id: incidentId } = submitted.json();
  const confirmed = await call(
    t,
    cookies.registrarA,
    'POST',
    `/api/v1/incidents/${incidentId}/decision`,
    {
      decision: 'confirm',
    },
  );
  expect(confirmed.statusCode).toBe(200);
  const incident = (
    await call(t, cookies.registrarA, 'GET', `/api/v1/incidents/${incidentId}`)
  ).json();
  const person = await call(
    t,
    cookies.registrarA,
    'POST',
    `/api/v1/incidents/${incidentId}/persons/${incident.persons[0].id}/link`,
    {
      create: {
        familyName,
        givenNames,
        address: { street: 'Hauptstraße', houseNumber: '1', postalCode: '12345', city: 'X' },
      },
    },
  );
  expect(person.statusCode).toBe(200);
  const personId: string = person.json().id;
  const proposed = await call(t, cookies.registrarA, 'POST', '/api/v1/listings', {
    personId,
    incidentIds: [incidentId],
    reason: 'Bedrohung am Schalter',
  });
  expect(proposed.statusCode).toBe(201);
  const listingId: string = proposed.json().id;
  const activated = await call(
    t,
    cookies.registrarB,
    'POST',
    `/api/v1/listings/${listingId}/activate`,
    {},
  );
  expect(activated.statusCode).toBe(200);
  return { personId, incidentId, listingId };
}
