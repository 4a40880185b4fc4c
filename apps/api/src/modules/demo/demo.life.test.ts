import type { ListingsDue } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD } from './demo.data.js';
import { createDemoService } from './demo.service.js';

describe('demo city Musterstadt: a listing life cycle to try', () => {
  let t: TestApp;
  let due: ListingsDue;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ZEMAG_MFA_REQUIRED_ROLES: '' } });
    await createDemoService({ db: t.database.db, ...t.services }).seed();
    const { cookie } = await signIn(t.app, {
      username: 'demo.registrar2',
      password: DEMO_PASSWORD,
    });
    due = (await t.app.inject({ url: '/api/v1/listings/due', headers: { cookie } })).json();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has a listing in the review window with an extension to confirm, a restricted listing and an overdue held-back letter', () => {
    expect(due.listings.map((l) => l.person.familyName)).toContain('Nowak');
    expect(due.listings.find((l) => l.person.familyName === 'Nowak')!.extension).not.toBeNull();
    expect(due.heldBackLetters).toMatchObject([
      { person: { familyName: 'Yılmaz' }, restricted: true },
    ]);
  });
});
