import type { ActivationLink } from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { deleteSessionsOfUser, findUserById } from '../identity/identity.repository.js';
import { hashPassword } from '../identity/password.js';
import { refusePassword } from '../identity/password-policy.js';
import { hashToken, newToken, oneTimeLink } from '../identity/session-token.js';
import { updateUser } from '../users/users.repository.js';
import { isActivated } from './activation.policy.js';
import {
  consumeActivationToken,
  deleteUnusedActivationTokens,
  insertActivationToken,
} from './activation.repository.js';

export type ActivationService = ReturnType<typeof createActivationService>;

/**
 * One-time activation links: an administrator creates an account and hands the link over; the
 * employee opens it and sets their own password, which the administrator never learns. The
 * token sits in the URL fragment (never sent to a server or its logs); only its hash is stored.
 */
export function createActivationService({
  db,
  audit,
  clock,
  publicUrl,
  linkHours,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  publicUrl: URL;
  linkHours: number;
}) {
  /** A new link for the account; every earlier unused link stops working. */
  async function issueIn(tx: Tx, { actor, userId }: { actor: string; userId: string }) {
    const token = newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + linkHours * 3_600_000);
    await deleteUnusedActivationTokens({ db: tx, userId });
    await insertActivationToken({
      db: tx,
      token: { tokenHash: hashToken(token), userId, issuedBy: actor, createdAt: now, expiresAt },
    });
    const url = oneTimeLink(publicUrl, '/activate', token);
    return { url, expiresAt: expiresAt.toISOString() } satisfies ActivationLink;
  }

  return {
    issueIn,

    /** Issues a new link for an account that has not been activated yet (audited). */
    async reissue({ actor, userId }: { actor: string; userId: string }) {
      return db.transaction(async (tx) => {
        const { user } = await findUserById({ db: tx, id: userId });
        if (!user) throw new AppError(404, 'user.not_found');
        if (user.disabledAt !== null) throw new AppError(400, 'grant.user_disabled');
        // A link for an account in use would let an administrator set its password.
        if (isActivated(user)) throw new AppError(409, 'activation.already_activated');
        const link = await issueIn(tx, { actor, userId });
        await audit.record({
          tx,
          actor,
          action: 'user.activation_link_issued',
          subject: { type: 'user', id: userId },
          details: { expiresAt: link.expiresAt, reissued: true },
        });
        return link;
      });
    },

    /** The employee sets their password with the link's token; the link is used up. */
    async activate({ token, password }: { token: string; password: string }) {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const { used } = await consumeActivationToken({ tx, tokenHash: hashToken(token), now });
        if (!used) throw new AppError(400, 'activation.token_invalid', { field: 'token' });
        const { user } = await findUserById({ db: tx, id: used.userId });
        if (!user || user.disabledAt !== null || isActivated(user))
          throw new AppError(400, 'activation.token_invalid', { field: 'token' });
        const refusal = refusePassword(password, { username: user.username });
        if (refusal) throw new AppError(400, refusal, { field: 'password' });
        await updateUser({
          db: tx,
          id: user.id,
          changes: { passwordHash: await hashPassword(password), updatedAt: now },
        });
        await deleteSessionsOfUser({ db: tx, userId: user.id });
        await audit.record({
          tx,
          actor: user.id,
          action: 'user.activated',
          subject: { type: 'user', id: user.id },
          details: { linkIssuedBy: used.issuedBy },
        });
        return { username: user.username };
      });
    },
  };
}
