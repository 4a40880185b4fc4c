import { createTestUser, type TestApp } from './test-app.js';

/** Two administrators for grant tests: one grants, the other confirms (for `useTestApp`). */
export async function twoAdministrators(t: TestApp) {
  const opts = { roles: ['admin' as const, 'reporter' as const], secondFactor: 'none' as const };
  const adminId = (await createTestUser(t, opts)).user.id;
  const secondAdminId = (await createTestUser(t, opts)).user.id;
  return { adminId, secondAdminId };
}
