import { ROLES, type DemoAccount, type Role, type SessionInfo } from '@zemag/contracts';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DepartmentsService } from '../departments/departments.service.js';
import type { GrantsService } from '../grants/grants.service.js';
import { findUserByUsername } from '../identity/identity.repository.js';
import type { IdentityService } from '../identity/identity.service.js';
import type { UsersService } from '../users/users.service.js';
import type { ServicesConfig } from '../../services.js';
import type { Clock } from '../../clock.js';
import { demoCast, seedDemoRegister } from './demo.register.js';
import { seedDemoLifeCycle } from './demo.life.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from './demo.data.js';
import {
  countAccountsOutsideDemo,
  countDepartments,
  countUsersNamed,
  findActiveUsersNamed,
} from './demo.repository.js';

// The role that tells accounts apart first; `reporter`, which everyone has, last.
const roleRank = (role: Role) => (role === 'reporter' ? ROLES.length : ROLES.indexOf(role));

/** The demo is refused for a database that holds real data. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

export type DemoService = ReturnType<typeof createDemoService>;

/**
 * Fills an empty instance with Musterstadt (demo.data.ts) through the same services a city
 * uses: the first demo administrator is the bootstrap account, every further grant follows the
 * rules (a second administrator confirms registrar, dpo and admin grants). On a demo instance
 * it also lists the demo accounts and signs in as one of them.
 */
export function createDemoService({
  db,
  audit,
  users: usersService,
  departments: departmentsService,
  grants,
  identity,
  runtime,
}: {
  db: Db;
  /** The configuration and clock the services run with; the register is seeded on its own clock. */
  runtime: { config: ServicesConfig; clock: Clock };
  audit: AuditService;
  users: UsersService;
  departments: DepartmentsService;
  grants: GrantsService;
  /** Only needed for the one-click demo sign-in. */
  identity?: IdentityService;
}) {
  const demoNames = DEMO_USERS.map((u) => u.username);

  async function isSeeded() {
    return (await countUsersNamed({ db, usernames: demoNames })).count > 0;
  }

  /**
   * Refuses when the database holds accounts that are not demo accounts. Accounts that a demo
   * administrator created while trying the demo are demo data too.
   */
  async function assertNoRealData() {
    const { count } = await countAccountsOutsideDemo({ db, demoUsernames: demoNames });
    if (count > 0) {
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
      if ((await countDepartments({ db })).count > 0) {
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
            phone: d.phone,
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
      // The seed, not an administrator, creates the demo accounts: they keep the known
      // demo password (administrators' accounts get activation links instead).
      for (const demo of others) {
        const { user } = await db.transaction((tx) =>
          usersService.createUser({
            tx,
            username: demo.username,
            displayName: demo.displayName,
            password: DEMO_PASSWORD,
            departmentId: departmentIds.get(demo.departmentCode)!,
            roles: ['reporter'],
            actor: admin.id,
          }),
        );
        ids.set(demo.username, user.id);
      }
      // Grants in order: the second administrator first (bootstrap), then everyone else.
      const secondAdmin = ids.get('demo.admin2')!;
      for (const demo of [...others].sort(
        (a, b) => Number(b.roles.includes('admin')) - Number(a.roles.includes('admin')),
      )) {
        for (const role of demo.roles) {
          const userId = ids.get(demo.username)!;
          const { status } = await grants.grant({ actor: admin.id, userId, role, endsOn: null });
          if (status === 'pending') await grants.confirm({ actor: secondAdmin, userId, role });
        }
      }
      const cast = demoCast(
        new Map(
          DEMO_USERS.map((u) => [
            u.username,
            {
              id: ids.get(u.username)!,
              displayName: u.displayName,
              roles: [...u.roles, 'reporter' as const],
            },
          ]),
        ),
      );
      const seed = { db, config: runtime.config, now: runtime.clock.now(), cast };
      await seedDemoRegister(seed);
      // After the register: an extension proposed, a disputed listing restricted (issue 11).
      await seedDemoLifeCycle(seed);
      return { seeded: true };
    },

    /** The demo accounts that exist and may sign in, in the order of demo.data.ts. */
    async listAccounts(): Promise<{ accounts: DemoAccount[] }> {
      const { rows } = await findActiveUsersNamed({ db, usernames: demoNames });
      const accounts: DemoAccount[] = [];
      for (const demo of DEMO_USERS) {
        const row = rows.find((r) => r.username === demo.username);
        if (!row) continue;
        const { roles } = await grants.rolesOf({ userId: row.id });
        accounts.push({
          username: row.username,
          displayName: row.displayName,
          roles: [...roles].sort((a, b) => roleRank(a) - roleRank(b)),
          departmentName: row.departmentName,
          purpose: demo.purpose,
        });
      }
      return { accounts };
    },

    /**
     * Opens a session for a demo account without its password, audited as a sign-in with the
     * method `demo`. Only the accounts of demo.data.ts qualify, never one created later.
     */
    async signIn({
      username,
      previousToken,
    }: {
      username: string;
      previousToken?: string | undefined;
    }): Promise<{ token: string; info: SessionInfo }> {
      if (!identity) throw new Error('the demo sign-in needs the identity service');
      const { user } = demoNames.includes(username)
        ? await findUserByUsername({ db, username })
        : { user: null };
      if (!user || user.disabledAt !== null) throw new AppError(403, 'demo.unknown_account');
      return identity.openSession({ user, method: 'demo', previousToken });
    },
  };
}
