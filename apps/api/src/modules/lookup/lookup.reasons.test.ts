import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../../test-support/test-app.js';

const REASONS = [
  { code: 'wohnungsabnahme', de: 'Wohnungsabnahme', en: 'Flat inspection' },
  { code: 'other', de: 'Sonstiges', en: 'Other' },
];

describe('the reasons a look-up may state come from ZEMAG_LOOKUP_REASONS', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await buildTestApp({ env: { ZEMAG_LOOKUP_REASONS: JSON.stringify(REASONS) } });
    const field = await createTestUser(t, { roles: ['field'] });
    ({ cookie } = await signIn(t.app, field));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists the configured reasons for the form', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/lookups/reasons',
      headers: { cookie },
    });
    expect(response.json()).toEqual({ reasons: REASONS });
  });

  it('accepts a configured reason and refuses one that is not configured, naming the field', async () => {
    const lookup = (reason: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/lookups',
        headers: { cookie },
        payload: { familyName: 'Meyer', purpose: { fileNumber: 'WA-2026/17', reason } },
      });
    expect((await lookup('wohnungsabnahme')).statusCode).toBe(200);
    const refused = await lookup('home_visit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'lookup.reason_unknown',
      errors: [{ field: 'purpose.reason' }],
    });
  });
});
