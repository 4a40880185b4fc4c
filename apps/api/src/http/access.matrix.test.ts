import { permissionsFor, ROLES, type Role } from '@zemag/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, signIn, type TestApp } from '../test-support/test-app.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** A URL for the route pattern with placeholder ids, e.g. /api/v1/users/:id → /api/v1/users/<uuid>. */
function urlFor(pattern: string) {
  return pattern.replace(':role', 'reporter').replace(/:[a-zA-Z]+/g, SOME_ID);
}

describe('route × role matrix', () => {
  let t: TestApp;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    t = await buildTestApp();
    for (const role of ROLES) {
      const who = await createTestUser(t, { roles: [role] });
      cookies.set(role, (await signIn(t.app, who)).cookie);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every guarded route for every role exactly as the policy says', async () => {
    const routes = t.app
      .routeAccessTable()
      .filter(
        (r) => r.url.startsWith('/api/v1/') && r.permission !== 'public' && r.method !== 'HEAD',
      )
      // signing out ends the session the walk uses, so it goes last
      .sort(
        (a, b) =>
          Number(a.method === 'DELETE' && a.url === '/api/v1/session') -
          Number(b.method === 'DELETE' && b.url === '/api/v1/session'),
      );
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of ROLES) {
        const allowed =
          route.permission === 'authenticated' ||
          route.permission === 'session' ||
          permissionsFor([role]).includes(route.permission as never);
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: urlFor(route.url),
          headers: { cookie: cookies.get(role)! },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        // 401 would mean the session was lost, which the walk must not mistake for a refusal
        const refused = response.statusCode === 403;
        if (allowed === refused || response.statusCode >= 500) {
          mismatches.push(
            `${role} ${route.method} ${route.url} → ${response.statusCode} (policy: ${allowed ? 'allow' : 'deny'})`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The walk covered real ground: every role was refused somewhere and allowed somewhere.
    expect(routes.length).toBeGreaterThan(10);
  });

  it('refuses every route but the second-factor ones to a session still waiting for its second factor', async () => {
    const admin = await createTestUser(t, { roles: ['admin'] });
    const { cookie, response } = await signIn(t.app, admin, { secondFactor: false });
    expect(response.json()).toMatchObject({
      user: { roles: ['admin'], abilities: [] },
      mfa: { required: true, satisfied: false, enrolled: { totp: true, webauthn: 0 } },
    });
    const routes = t.app
      .routeAccessTable()
      .filter(
        (r) =>
          r.url.startsWith('/api/v1/') &&
          r.permission !== 'public' &&
          r.method !== 'HEAD' &&
          !(r.method === 'DELETE' && r.url === '/api/v1/session'),
      );
    const mismatches: string[] = [];
    for (const route of routes) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: urlFor(route.url),
        headers: { cookie },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      const refused =
        response.statusCode === 403 && response.json().code === 'auth.second_factor_required';
      if (refused === (route.permission === 'session') || response.statusCode >= 500) {
        mismatches.push(`${route.method} ${route.url} → ${response.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
