import type {
  Factor,
  FactorList,
  Role,
  SecondFactorRequest,
  SessionInfo,
  TotpEnrolment,
} from '@zemag/contracts';
import QRCode from 'qrcode';
import type { Clock } from '../../clock.js';
import type { Db, Tx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import { findUserById } from '../identity/identity.repository.js';
import type { Authenticated, IdentityService } from '../identity/identity.service.js';
import { deleteThrottle } from '../identity/throttle.repository.js';
import { reserve } from '../identity/throttle.service.js';
import {
  claimTotpStep,
  confirmFactor,
  deleteFactor,
  deleteUnconfirmedFactors,
  factorSummary,
  findFactor,
  findPasskey,
  insertFactor,
  listConfirmedFactors,
  renameFactor,
  confirmRecoveryCodes,
  replaceRecoveryCodes,
  saveChallenge,
  takeChallenge,
  updatePasskeyUse,
  useRecoveryCode,
  type FactorRow,
} from './mfa.repository.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { decryptSecret, encryptSecret } from './secret-box.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';
import {
  authenticationOptions,
  CHALLENGE_TTL_MS,
  credentialIdOf,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
  type RelyingParty,
} from './webauthn.js';

/** An unconfirmed authenticator-app enrolment is dropped after this long. */
const TOTP_ENROLMENT_TTL_MS = 15 * 60_000;

/** The result of a change that may have proven the session's second factor (new token then). */
export interface SessionChange {
  token: string | null;
  info: SessionInfo;
}

export type MfaService = ReturnType<typeof createMfaService>;

export function createMfaService({
  db,
  audit,
  clock,
  identity,
  rolesOf,
  requiredRoles,
  secretKey,
  rp,
}: {
  db: Db;
  audit: AuditService;
  clock: Clock;
  identity: Pick<IdentityService, 'completeSecondFactor' | 'refreshInfo' | 'endOtherSessions'>;
  rolesOf: (input: { db?: Db | Tx; userId: string }) => Promise<{ roles: Role[] }>;
  requiredRoles: readonly Role[];
  /** The AES-256 key for TOTP secrets, read on first use. */
  secretKey: () => Buffer;
  rp: RelyingParty;
}) {
  const throttleKey = (userId: string) => `second_factor:${userId}`;

  function toFactor(row: FactorRow): Factor {
    return {
      id: row.id,
      kind: row.kind === 'webauthn' ? 'webauthn' : 'totp',
      label: row.label,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    };
  }

  /**
   * A new factor may be added by a fully signed-in session, or — at the first sign-in — by a
   * session whose user has no factor yet. Otherwise someone holding only the password could
   * add their own factor and skip the real one.
   */
  function assertMayEnrol(auth: Authenticated) {
    const { mfa } = auth.info;
    const hasFactor = mfa.enrolled.totp || mfa.enrolled.webauthn > 0;
    if (!mfa.satisfied && hasFactor) throw new AppError(403, 'mfa.enrolment_not_allowed');
  }

  async function roleRequiresFactor(tx: Db | Tx, userId: string) {
    const { roles } = await rolesOf({ db: tx, userId });
    return roles.some((role) => requiredRoles.includes(role));
  }

  async function issueRecoveryCodes(tx: Tx, userId: string, actor: string) {
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes({
      db: tx,
      userId,
      hashes: codes.map((code) => hashRecoveryCode(userId, code)),
      at: clock.now(),
    });
    await audit.record({
      tx,
      actor,
      action: 'mfa.recovery_codes_generated',
      subject: { type: 'user', id: userId },
      details: { count: codes.length },
    });
    return codes;
  }

  /** After a factor is confirmed: first-time codes, the audit event, the session's new state. */
  async function afterEnrolment(
    tx: Tx,
    auth: Authenticated,
    factor: { id: string; kind: 'totp' | 'webauthn' },
    firstFactor: boolean,
  ): Promise<SessionChange & { recoveryCodes: string[] | null }> {
    const userId = auth.user.id;
    await audit.record({
      tx,
      actor: userId,
      action: 'mfa.factor_enrolled',
      subject: { type: 'user', id: userId },
      details: { factorId: factor.id, kind: factor.kind },
    });
    const recoveryCodes = firstFactor ? await issueRecoveryCodes(tx, userId, userId) : null;
    if (!auth.info.mfa.satisfied || auth.info.mfa.method === null) {
      // Enrolling proves possession of the new factor: the session now carries it.
      const { token, info } = await identity.completeSecondFactor({
        tx,
        tokenHash: auth.tokenHash,
        method: factor.kind,
        details: { factorId: factor.id, enrolment: true },
      });
      return { token, info, recoveryCodes };
    }
    return {
      token: null,
      info: await identity.refreshInfo({ tx, tokenHash: auth.tokenHash }),
      recoveryCodes,
    };
  }

  /**
   * Counts one code or passkey attempt before it is checked (throttle.service.ts), so parallel
   * guesses cannot get past the limit; refused with 429 while the user must wait. A proven
   * factor forgets the count (`forgetFailures`).
   */
  async function reserveAttempt(userId: string) {
    const result = await db.transaction((tx) =>
      reserve({ tx, keys: [{ key: throttleKey(userId), kind: 'account' }], now: clock.now() }),
    );
    if ('retryAfterMs' in result) {
      throw Object.assign(new AppError(429, 'mfa.throttled'), {
        retryAfterMs: result.retryAfterMs,
      });
    }
  }

  function forgetFailures(tx: Tx, userId: string) {
    return deleteThrottle({ db: tx, key: throttleKey(userId) });
  }

  /** Audits a wrong answer (already counted by `reserveAttempt`) and returns the error. */
  async function recordFailure(
    userId: string,
    method: string,
    code: 'mfa.invalid_code' | 'mfa.code_reused' | 'mfa.passkey_failed',
  ) {
    await db.transaction((tx) =>
      audit.record({
        tx,
        actor: userId,
        action: 'auth.second_factor_failed',
        subject: { type: 'user', id: userId },
        details: { factor: method, reason: code },
      }),
    );
    return new AppError(401, code, code === 'mfa.passkey_failed' ? {} : { field: 'code' });
  }

  return {
    /** Roles whose holders must prove a second factor (configuration). */
    requiredRoles,

    /** Starts enrolling an authenticator app: the secret is shown once, as QR code and text. */
    async startTotp({ auth }: { auth: Authenticated }): Promise<TotpEnrolment> {
      assertMayEnrol(auth);
      const userId = auth.user.id;
      const secret = newTotpSecret();
      const uri = totpUri(secret, auth.user.username);
      const { factor } = await db.transaction(async (tx) => {
        await deleteUnconfirmedFactors({ db: tx, userId });
        return insertFactor({
          db: tx,
          factor: {
            userId,
            kind: 'totp',
            label: 'Authenticator-App',
            secret: encryptSecret(secretKey(), secret, userId),
            createdAt: clock.now(),
          },
        });
      });
      const qrCode = await QRCode.toString(uri, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return {
        factorId: factor.id,
        secret,
        otpauthUri: uri,
        qrCode: `data:image/svg+xml;base64,${Buffer.from(qrCode).toString('base64')}`,
      };
    },

    /** Confirms an app with its first code; the first factor of a user brings recovery codes. */
    async confirmTotp({
      auth,
      factorId,
      code,
      label,
    }: {
      auth: Authenticated;
      factorId: string;
      code: string;
      label?: string | undefined;
    }) {
      assertMayEnrol(auth);
      const userId = auth.user.id;
      const now = clock.now();
      const { factor } = await findFactor({ db, userId, factorId });
      if (
        !factor ||
        factor.kind !== 'totp' ||
        factor.confirmedAt !== null ||
        now.getTime() - factor.createdAt.getTime() > TOTP_ENROLMENT_TTL_MS
      ) {
        throw new AppError(409, 'mfa.enrolment_expired');
      }
      await reserveAttempt(userId);
      const secret = decryptSecret(secretKey(), factor.secret!, userId);
      const check = checkTotp({ secret, code, at: now, lastUsedStep: null });
      if (!check.ok) throw await recordFailure(userId, 'totp', 'mfa.invalid_code');
      return db.transaction(async (tx) => {
        await forgetFailures(tx, userId);
        const { factors } = await listConfirmedFactors({ db: tx, userId });
        await confirmFactor({ db: tx, factorId, at: now, label, lastUsedStep: check.step });
        return afterEnrolment(tx, auth, { id: factorId, kind: 'totp' }, factors.length === 0);
      });
    },

    /** Options for the browser to create a passkey; the challenge is kept on the server. */
    async passkeyRegistrationOptions({ auth }: { auth: Authenticated }) {
      assertMayEnrol(auth);
      const { factors } = await listConfirmedFactors({
        db,
        userId: auth.user.id,
        kind: 'webauthn',
      });
      const options = await registrationOptions({ rp, user: auth.user, existing: factors });
      const now = clock.now();
      await saveChallenge({
        db,
        id: `reg:${auth.tokenHash}`,
        challenge: options.challenge,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
        now,
      });
      return options;
    },

    /** Stores a new passkey after checking the browser's answer against the challenge. */
    async registerPasskey({
      auth,
      response,
      label,
    }: {
      auth: Authenticated;
      response: unknown;
      label?: string | undefined;
    }) {
      assertMayEnrol(auth);
      const userId = auth.user.id;
      const now = clock.now();
      const { challenge } = await takeChallenge({ db, id: `reg:${auth.tokenHash}`, now });
      if (!challenge) throw new AppError(409, 'mfa.enrolment_expired');
      const credential = await verifyRegistration({ rp, response, challenge });
      if (!credential) throw new AppError(400, 'mfa.passkey_failed');
      return db.transaction(async (tx) => {
        const { factors } = await listConfirmedFactors({ db: tx, userId });
        const { factor } = await insertFactor({
          db: tx,
          factor: {
            userId,
            kind: 'webauthn',
            label: label ?? 'Passkey',
            ...credential,
            confirmedAt: now,
            createdAt: now,
            lastUsedAt: now,
          },
        });
        return afterEnrolment(tx, auth, { id: factor.id, kind: 'webauthn' }, factors.length === 0);
      });
    },

    /** Options for proving a passkey as the second factor of this session. */
    async passkeyAuthenticationOptions({ auth }: { auth: Authenticated }) {
      const { factors } = await listConfirmedFactors({
        db,
        userId: auth.user.id,
        kind: 'webauthn',
      });
      if (factors.length === 0) throw new AppError(404, 'mfa.factor_not_found');
      const options = await authenticationOptions({ rp, passkeys: factors });
      const now = clock.now();
      await saveChallenge({
        db,
        id: `auth:${auth.tokenHash}`,
        challenge: options.challenge,
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
        now,
      });
      return options;
    },

    /**
     * Proves the session's second factor with an app code, a passkey or a recovery code.
     * Wrong answers count towards the same increasing delay as wrong passwords.
     */
    async verifySecondFactor({
      auth,
      request,
    }: {
      auth: Authenticated;
      request: SecondFactorRequest;
    }): Promise<{ token: string; info: SessionInfo }> {
      const userId = auth.user.id;
      await reserveAttempt(userId);
      const now = clock.now();
      const tokenHash = auth.tokenHash;

      if (request.method === 'totp') {
        const { factors } = await listConfirmedFactors({ db, userId, kind: 'totp' });
        let reused = false;
        for (const factor of factors) {
          const secret = decryptSecret(secretKey(), factor.secret!, userId);
          const check = checkTotp({
            secret,
            code: request.code,
            at: now,
            lastUsedStep: factor.lastUsedStep,
          });
          if (!check.ok) {
            reused ||= check.reason === 'reused';
            continue;
          }
          const result = await db.transaction(async (tx) => {
            const { claimed } = await claimTotpStep({
              db: tx,
              factorId: factor.id,
              step: check.step,
              at: now,
            });
            if (!claimed) return null;
            await forgetFailures(tx, userId);
            return identity.completeSecondFactor({
              tx,
              tokenHash,
              method: 'totp',
              details: { factorId: factor.id },
            });
          });
          if (result) return result;
          reused = true;
        }
        throw await recordFailure(userId, 'totp', reused ? 'mfa.code_reused' : 'mfa.invalid_code');
      }

      if (request.method === 'recovery_code') {
        const result = await db.transaction(async (tx) => {
          const { used } = await useRecoveryCode({
            db: tx,
            userId,
            codeHash: hashRecoveryCode(userId, request.code),
            at: now,
          });
          if (!used) return null;
          await forgetFailures(tx, userId);
          await audit.record({
            tx,
            actor: userId,
            action: 'mfa.recovery_code_used',
            subject: { type: 'user', id: userId },
          });
          return identity.completeSecondFactor({ tx, tokenHash, method: 'recovery_code' });
        });
        if (result) return result;
        throw await recordFailure(userId, 'recovery_code', 'mfa.invalid_code');
      }

      const { challenge } = await takeChallenge({ db, id: `auth:${tokenHash}`, now });
      const credentialId = credentialIdOf(request.response);
      const { factor: passkey } = credentialId
        ? await findPasskey({ db, userId, credentialId })
        : { factor: null };
      const verified =
        challenge && passkey
          ? await verifyAuthentication({ rp, response: request.response, challenge, passkey })
          : null;
      if (!passkey || !verified)
        throw await recordFailure(userId, 'webauthn', 'mfa.passkey_failed');
      return db.transaction(async (tx) => {
        await updatePasskeyUse({
          db: tx,
          factorId: passkey.id,
          signCount: verified.signCount,
          at: now,
        });
        await forgetFailures(tx, userId);
        return identity.completeSecondFactor({
          tx,
          tokenHash,
          method: 'webauthn',
          details: { factorId: passkey.id },
        });
      });
    },

    /** A user's confirmed factors (never their secrets) and how many recovery codes are left. */
    async listFactors({ userId }: { userId: string }): Promise<FactorList> {
      const { user } = await findUserById({ db, id: userId });
      if (!user) throw new AppError(404, 'user.not_found');
      const { factors } = await listConfirmedFactors({ db, userId });
      const { recoveryCodesLeft } = await factorSummary({ db, userId });
      return { factors: factors.map(toFactor), recoveryCodesLeft };
    },

    async renameFactor({
      auth,
      factorId,
      label,
    }: {
      auth: Authenticated;
      factorId: string;
      label: string;
    }) {
      const { renamed } = await renameFactor({ db, userId: auth.user.id, factorId, label });
      if (!renamed) throw new AppError(404, 'mfa.factor_not_found');
    },

    /**
     * Removes a factor: by its owner, or by an administrator (lost device). The user's other
     * sessions end. An owner cannot remove their last factor while a role requires one; an
     * administrator can, and the user then enrols anew at the next sign-in.
     */
    async revokeFactor({
      actor,
      userId,
      factorId,
      keepTokenHash,
      byAdmin,
    }: {
      actor: string;
      userId: string;
      factorId: string;
      /** The session that asked (kept when the owner revokes their own factor). */
      keepTokenHash: string | null;
      byAdmin: boolean;
    }) {
      await db.transaction(async (tx) => {
        const { factor } = await findFactor({ db: tx, userId, factorId });
        if (!factor || factor.confirmedAt === null) throw new AppError(404, 'mfa.factor_not_found');
        const { factors } = await listConfirmedFactors({ db: tx, userId });
        const last = factors.length === 1;
        if (last && !byAdmin && (await roleRequiresFactor(tx, userId))) {
          throw new AppError(409, 'mfa.last_factor');
        }
        await deleteFactor({ db: tx, userId, factorId });
        if (last) await replaceRecoveryCodes({ db: tx, userId, hashes: [], at: clock.now() });
        await identity.endOtherSessions({ tx, userId, keepTokenHash });
        await audit.record({
          tx,
          actor,
          action: 'mfa.factor_revoked',
          subject: { type: 'user', id: userId },
          details: { factorId, kind: factor.kind, byAdmin, lastFactor: last },
        });
      });
    },

    /** New recovery codes; the old ones stop working. */
    async regenerateRecoveryCodes({ auth }: { auth: Authenticated }) {
      const { mfa } = auth.info;
      if (!mfa.enrolled.totp && mfa.enrolled.webauthn === 0) {
        throw new AppError(409, 'mfa.factor_not_found');
      }
      const recoveryCodes = await db.transaction((tx) =>
        issueRecoveryCodes(tx, auth.user.id, auth.user.id),
      );
      return { recoveryCodes };
    },

    /**
     * The user kept their recovery codes: enrolment is complete. Until then every start of the
     * app asks for new codes, so reloading the page cannot skip the confirmation.
     */
    async confirmRecoveryCodes({ auth }: { auth: Authenticated }): Promise<SessionInfo> {
      return db.transaction(async (tx) => {
        const { confirmed } = await confirmRecoveryCodes({
          db: tx,
          userId: auth.user.id,
          at: clock.now(),
        });
        if (confirmed > 0) {
          await audit.record({
            tx,
            actor: auth.user.id,
            action: 'mfa.recovery_codes_confirmed',
            subject: { type: 'user', id: auth.user.id },
            details: { count: confirmed },
          });
        }
        return identity.refreshInfo({ tx, tokenHash: auth.tokenHash });
      });
    },
  };
}
