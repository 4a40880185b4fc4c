import { inArray, not, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import { departments } from '../departments/departments.table.js';
import type { GrantsService } from '../grants/grants.service.js';
import { needsFourEyes } from '../grants/grants.policy.js';
import { users } from '../identity/identity.table.js';
import type { UsersService } from '../users/users.service.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from './demo.data.js';

/** The demo is refused for a database that holds real data. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

export type DemoService = ReturnType<typeof createDemoService>;

/**
 * Fills an empty instance with Musterstadt (demo.data.ts) through the same services a city
 * uses: the first demo administrator is the bootstrap account, every further grant follows the
 * rules (a second administrator confirms registrar, dpo and admin grants).
 */
export function createDemoService({
  db,
  audit,
  users: usersService,
  departments: departmentsService,
  grants,
}: {
  db: Db;
  audit: AuditService;
  users: UsersService;
  departments: DepartmentsService;
  grants: GrantsService;
}) {
  const demoNames = DEMO_USERS.map((u) => u.username);
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;

  async function isSeeded() {
    return (
      (await count(
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(inArray(users.username, demoNames)),
      )) > 0
    );
  }

  /** Refuses when the database holds accounts that are not demo accounts. */
  async function assertNoRealData() {
    const realUsers = await count(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(not(inArray(users.username, demoNames))),
    );
    if (realUsers > 0) {
      throw new DemoRefusedError(
        'This database holds accounts that are not demo accounts: the demo is never mixed with real data.',
      );
    }
  }

  return {
    isSeeded,
    assertNoRealData,

    /** Seeds Musterstadt once; refused when the database holds anything that is not demo data. */
    async seed(): Promise<{ seeded: boolean }> {
      await assertNoRealData();
      if (await isSeeded()) return { seeded: false };
      if ((await count(db.select({ n: sql<number>`count(*)::int` }).from(departments))) > 0) {
        throw new DemoRefusedError(
          'This database already has departments: the demo needs an empty database.',
        );
      }

      const [first, ...others] = DEMO_USERS;
      const { user: admin } = await db.transaction(async (tx) => {
        const created = await usersService.createUser({
          tx,
          username: first!.username,
          displayName: first!.displayName,
          password: DEMO_PASSWORD,
          departmentId: null,
          roles: ['admin', 'reporter'],
          actor: null,
        });
        await audit.record({
          tx,
          actor: created.user.id,
          action: 'demo.seeded',
          details: { city: 'Musterstadt' },
        });
        return created;
      });

      const departmentIds = new Map<string, string>();
      for (const d of DEMO_DEPARTMENTS) {
        const { department } = await departmentsService.create({
          actor: admin.id,
          input: {
            code: d.code,
            name: d.name,
            parentCode: d.parentCode,
            contact: null,
            lookupAuthorised: d.lookupReason !== null,
            lookupAuthorisationReason: d.lookupReason,
          },
        });
        departmentIds.set(d.code, department.id);
      }
      await usersService.update({
        actor: admin.id,
        id: admin.id,
        input: { departmentCode: first!.departmentCode },
      });

      const ids = new Map<string, string>([[first!.username, admin.id]]);
      for (const demo of others) {
        const detail = await usersService.create({
          actor: admin.id,
          input: {
            username: demo.username,
            displayName: demo.displayName,
            departmentCode: demo.departmentCode,
            password: DEMO_PASSWORD,
          },
        });
        ids.set(demo.username, detail.id);
      }
      // Grants in order: the second administrator first (bootstrap), then everyone else.
      const secondAdmin = ids.get('demo.admin2')!;
      for (const demo of [...others].sort(
        (a, b) => Number(b.roles.includes('admin')) - Number(a.roles.includes('admin')),
      )) {
        for (const role of demo.roles) {
          const userId = ids.get(demo.username)!;
          const { status } = await grants.grant({ actor: admin.id, userId, role, endsOn: null });
          if (status === 'pending' && needsFourEyes(role))
            await grants.confirm({ actor: secondAdmin, userId, role });
        }
      }
      return { seeded: true };
    },
  };
}
