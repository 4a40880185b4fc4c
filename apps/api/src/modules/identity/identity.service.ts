import {
  permissionsFor,
  type CurrentUser,
  type MfaStatus,
  type Role,
  type SecondFactorMethod,
  type SessionInfo,
} from '@zemag/contracts';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  findUserByUsername,
  insertSession,
  deleteOtherSessionsOfUser,
  touchSession,
  type UserRow,
} from './identity.repository.js';
import { verifyPassword } from './password.js';
import { FORGET_AFTER_MS } from './throttle.policy.js';
import { deleteStaleThrottles } from './throttle.repository.js';
import { release, reserve, type ThrottleKey } from './throttle.service.js';
import { hashToken, newToken } from './session-token.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** A request's signed-in user and the session it came with. */
export interface Authenticated {
  /** Abilities are empty while a required second factor is not proven (`info.mfa`). */
  user: CurrentUser;
  tokenHash: string;
  info: SessionInfo;
}

/** What the identity module needs to know about second factors (mfa module, config). */
export interface SecondFactorPolicy {
  /** Roles whose holders must prove a second factor. */
  requiredRoles: readonly Role[];
  /** Confirmed factors and unused recovery codes of a user. */
  summary: (input: { db: Db | Tx; userId: string }) => Promise<{
    totp: number;
    webauthn: number;
    recoveryCodesLeft: number;
    recoveryCodesUnconfirmed: number;
  }>;
}

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService({
  db,
  audit,
  clock,
  session,
  rolesOf,
  secondFactor: policy,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  session: SessionPolicy;
  /** The roles a user holds right now (grants service). */
  rolesOf: (input: { db?: Db | Tx; userId: string }) => Promise<{ roles: Role[] }>;
  secondFactor: SecondFactorPolicy;
}) {
  /**
   * The user with the abilities this session may use. A second factor is required when a
   * role asks for one, and also when the user enrolled one of their own accord.
   */
  async function currentUser(
    dbOrTx: Db | Tx,
    user: UserRow,
    secondFactor: string | null,
  ): Promise<{ user: CurrentUser; mfa: MfaStatus }> {
    const { roles } = await rolesOf({ db: dbOrTx, userId: user.id });
    const summary = await policy.summary({ db: dbOrTx, userId: user.id });
    const enrolled = summary.totp + summary.webauthn > 0;
    const required = enrolled || roles.some((role) => policy.requiredRoles.includes(role));
    // Any recorded factor counts, including one the identity provider proved (single sign-on).
    const method = secondFactor;
    const satisfied = !required || method !== null;
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles,
        abilities: satisfied ? permissionsFor(roles) : [],
      },
      mfa: {
        required,
        satisfied,
        method,
        enrolled: { totp: summary.totp > 0, webauthn: summary.webauthn },
        recoveryCodesLeft: summary.recoveryCodesLeft,
        recoveryCodesUnconfirmed: summary.recoveryCodesUnconfirmed > 0,
      },
    };
  }

  function sessionInfo(
    { user, mfa }: { user: CurrentUser; mfa: MfaStatus },
    lastSeenAt: Date,
    absoluteExpiresAt: Date,
  ): SessionInfo {
    const idle = new Date(lastSeenAt.getTime() + session.idleMs);
    return {
      user,
      idleExpiresAt: (idle < absoluteExpiresAt ? idle : absoluteExpiresAt).toISOString(),
      absoluteExpiresAt: absoluteExpiresAt.toISOString(),
      mfa,
    };
  }

  /**
   * Opens a session for a user whose first factor was proven (`password` or `oidc`), or for
   * a demo account on a demo instance (`demo`). Any session the browser still carried is
   * ended first, so a session id never survives a sign-in (no fixation).
   */
  async function openSession({
    user,
    method,
    secondFactor = null,
    previousToken,
  }: {
    user: UserRow;
    method: 'password' | 'oidc' | 'demo';
    /** A second factor already proven with the first, e.g. by the identity provider. */
    secondFactor?: string | null;
    previousToken?: string | undefined;
  }): Promise<{ token: string; info: SessionInfo }> {
    const now = clock.now();
    const token = newToken();
    const absoluteExpiresAt = new Date(now.getTime() + session.absoluteMs);
    const current = await db.transaction(async (tx) => {
      if (previousToken) await deleteSession({ db: tx, tokenHash: hashToken(previousToken) });
      await insertSession({
        db: tx,
        session: {
          tokenHash: hashToken(token),
          userId: user.id,
          createdAt: now,
          lastSeenAt: now,
          absoluteExpiresAt,
          authMethod: method,
          secondFactor,
          secondFactorAt: secondFactor ? now : null,
        },
      });
      await audit.record({
        tx,
        actor: user.id,
        action: 'auth.sign_in',
        subject: { type: 'user', id: user.id },
        details: { factor: method, ...(secondFactor ? { secondFactor } : {}) },
      });
      return currentUser(tx, user, secondFactor);
    });
    return { token, info: sessionInfo(current, now, absoluteExpiresAt) };
  }

  /**
   * Records a second factor proven in the caller's transaction: the session is replaced by a
   * new one (new token, same absolute end) that carries the factor, and the event is audited.
   */
  async function completeSecondFactor({
    tx,
    tokenHash,
    method,
    details = {},
  }: {
    tx: Tx;
    tokenHash: string;
    method: SecondFactorMethod;
    details?: Record<string, unknown>;
  }): Promise<{ token: string; info: SessionInfo }> {
    const now = clock.now();
    const { found } = await findSessionWithUser({ db: tx, tokenHash });
    if (!found) throw new Error('session vanished during second-factor verification');
    const token = newToken();
    await deleteSession({ db: tx, tokenHash });
    await insertSession({
      db: tx,
      session: {
        ...found.session,
        tokenHash: hashToken(token),
        lastSeenAt: now,
        secondFactor: method,
        secondFactorAt: now,
      },
    });
    await audit.record({
      tx,
      actor: found.user.id,
      action: 'auth.second_factor',
      subject: { type: 'user', id: found.user.id },
      details: { factor: method, ...details },
    });
    const current = await currentUser(tx, found.user, method);
    return { token, info: sessionInfo(current, now, found.session.absoluteExpiresAt) };
  }

  return {
    openSession,
    completeSecondFactor,

    /** The session info again after a change to the user's factors (same token). */
    async refreshInfo({ tx, tokenHash }: { tx: Tx; tokenHash: string }): Promise<SessionInfo> {
      const { found } = await findSessionWithUser({ db: tx, tokenHash });
      if (!found) throw new Error('session vanished');
      const current = await currentUser(tx, found.user, found.session.secondFactor);
      return sessionInfo(current, found.session.lastSeenAt, found.session.absoluteExpiresAt);
    },

    /** Ends every other session of the user, e.g. after a factor was revoked. */
    async endOtherSessions({
      tx,
      userId,
      keepTokenHash,
    }: {
      tx: Tx;
      userId: string;
      keepTokenHash: string | null;
    }) {
      await deleteOtherSessionsOfUser({ db: tx, userId, keepTokenHash });
    },

    /**
     * Checks the password and opens a session. Repeated failures on one account or from one
     * client address make the next attempt wait (throttle.policy.ts); while it must wait, the
     * password is not even checked. Unknown names are answered exactly like wrong passwords.
     */
    async signIn({
      username,
      password,
      clientAddress,
      previousToken,
    }: {
      username: string;
      password: string;
      clientAddress: string;
      previousToken?: string | undefined;
    }): Promise<
      { ok: true; token: string; info: SessionInfo } | { ok: false; retryAfterMs?: number }
    > {
      const now = clock.now();
      const accountKey = `account:${username}`;
      const keys: ThrottleKey[] = [
        { key: accountKey, kind: 'account' },
        // hashed: the table is not a list of who signed in from where
        { key: `client:${hashToken(clientAddress)}`, kind: 'client' },
      ];
      // The attempt is counted before the password is checked (see throttle.service.ts).
      const reserved = await db.transaction(async (tx) => {
        const result = await reserve({ tx, keys, now });
        if ('retryAfterMs' in result) {
          await audit.record({ tx, actor: null, action: 'auth.sign_in_throttled', details: {} });
        }
        return result;
      });
      if ('retryAfterMs' in reserved) return { ok: false, retryAfterMs: reserved.retryAfterMs };

      const { user } = await findUserByUsername({ db, username });
      const usable = user !== null && user.disabledAt === null;
      const passwordOk = await verifyPassword(usable ? user.passwordHash : null, password);

      if (!usable || !passwordOk) {
        // Already counted as a failure on both keys.
        await db.transaction((tx) =>
          audit.record({
            tx,
            actor: user?.id ?? null,
            action: 'auth.sign_in_failed',
            // An unknown name is not stored: people type passwords into the name field.
            details: {
              reason: user === null ? 'unknown_user' : usable ? 'wrong_password' : 'disabled',
            },
          }),
        );
        return { ok: false };
      }
      // The account's failures are forgotten; the address gets its attempt back.
      await db.transaction((tx) =>
        release({ tx, reservation: reserved.reservation, forget: [accountKey], now }),
      );
      return { ok: true, ...(await openSession({ user, method: 'password', previousToken })) };
    },

    /** The signed-in user for a cookie token, or null when it is unknown, expired or disabled. */
    async resolveSession({ token }: { token: string }): Promise<Authenticated | null> {
      const tokenHash = hashToken(token);
      const { found } = await findSessionWithUser({ db, tokenHash });
      if (!found) return null;
      const now = clock.now();
      const idleDeadline = found.session.lastSeenAt.getTime() + session.idleMs;
      if (
        found.user.disabledAt !== null ||
        now.getTime() >= idleDeadline ||
        now >= found.session.absoluteExpiresAt
      ) {
        await deleteSession({ db, tokenHash });
        return null;
      }
      // Every request moves the idle deadline, so the timeout is exactly the configured one.
      // (Writing only every 30 s ended sessions up to 30 s early; one small write per request
      // costs less than the audit entry most requests write anyway.)
      await touchSession({ db, tokenHash, at: now });
      const lastSeenAt = now;
      const current = await currentUser(db, found.user, found.session.secondFactor);
      return {
        user: current.user,
        tokenHash,
        info: sessionInfo(current, lastSeenAt, found.session.absoluteExpiresAt),
      };
    },

    /** Deletes sessions that ended by time and forgotten throttles; the server runs this periodically. */
    async purgeExpiredSessions() {
      const now = clock.now();
      await deleteStaleThrottles({ db, before: new Date(now.getTime() - FORGET_AFTER_MS) });
      return deleteExpiredSessions({
        db,
        idleBefore: new Date(now.getTime() - session.idleMs),
        now,
      });
    },

    /** Ends the session on the server; the cookie alone opens nothing afterwards. */
    async signOut({ tokenHash, actor }: { tokenHash: string; actor: string }) {
      await db.transaction(async (tx) => {
        const { deleted } = await deleteSession({ db: tx, tokenHash });
        if (deleted) {
          await audit.record({
            tx,
            actor,
            action: 'auth.sign_out',
            subject: { type: 'user', id: actor },
          });
        }
      });
    },
  };
}
