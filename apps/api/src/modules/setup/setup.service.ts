import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { lockAdministrators } from '../grants/grants.repository.js';
import { countActiveAdmins } from '../identity/identity.repository.js';
import type { UsersService } from '../users/users.service.js';
import { hashToken, newToken, oneTimeLink } from '../identity/session-token.js';
import {
  consumeSetupToken,
  deleteUnusedSetupTokens,
  insertSetupToken,
} from './setup.repository.js';

/** A setup link is valid for one hour and works once. */
export const SETUP_TOKEN_TTL_MS = 60 * 60 * 1000;

/** The roles of the first account: an administrator who is also an employee. */
const FIRST_ADMIN_ROLES = ['admin', 'reporter'] as const;

export type SetupService = ReturnType<typeof createSetupService>;

export function createSetupService({
  db,
  clock,
  users,
  publicUrl,
}: {
  db: Db;
  clock: Clock;
  users: UsersService;
  publicUrl: URL;
}) {
  async function isRequired() {
    const { count } = await countActiveAdmins({ db });
    return count === 0;
  }

  /** Creates an administrator while holding the lock that keeps "first" meaning first. */
  async function createFirstAdmin(input: {
    username: string;
    displayName: string;
    password: string;
    tokenHash?: string;
  }) {
    return db.transaction(async (tx) => {
      await lockAdministrators({ tx });
      if (input.tokenHash !== undefined) {
        const { consumed } = await consumeSetupToken({
          tx,
          tokenHash: input.tokenHash,
          now: clock.now(),
        });
        if (!consumed) throw new AppError(400, 'setup.token_invalid', { field: 'token' });
      }
      const { count } = await countActiveAdmins({ db: tx });
      if (count > 0) throw new AppError(409, 'setup.already_completed');
      // Bootstrap: the first administrator cannot have a second one confirm the grant.
      const { user } = await users.createUser({
        tx,
        username: input.username,
        displayName: input.displayName,
        password: input.password,
        departmentId: null,
        roles: FIRST_ADMIN_ROLES,
        actor: null,
      });
      return { user: { id: user.id, username: user.username } };
    });
  }

  return {
    isRequired,

    /**
     * While no administrator exists, replaces any earlier link with a new one and returns it.
     * The token sits in the URL fragment, which browsers never send to a server or its logs.
     */
    async issueSetupLinkIfRequired(): Promise<{ url: string; expiresAt: Date } | null> {
      if (!(await isRequired())) return null;
      const token = newToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS);
      await db.transaction(async (tx) => {
        await deleteUnusedSetupTokens({ db: tx });
        await insertSetupToken({
          db: tx,
          token: { tokenHash: hashToken(token), createdAt: now, expiresAt },
        });
      });
      return { url: oneTimeLink(publicUrl, '/setup', token), expiresAt };
    },

    /** Creates the first administrator through the one-time link. */
    completeSetup(input: {
      token: string;
      username: string;
      displayName: string;
      password: string;
    }) {
      return createFirstAdmin({ ...input, tokenHash: hashToken(input.token) });
    },

    /** The CLI's way for scripted installs: whoever runs it already has the server's files. */
    createFirstAdminFromCli(input: { username: string; displayName: string; password: string }) {
      return createFirstAdmin(input);
    },
  };
}
