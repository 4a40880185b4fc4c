import {
  ConfirmTotpRequest,
  EnrolmentResult,
  FactorList,
  Problem,
  RecoveryCodes,
  RegisterPasskeyRequest,
  RenameFactorRequest,
  SecondFactorRequest,
  SessionInfo,
  TotpEnrolment,
  WebAuthnJson,
} from '@zemag/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { MfaService, SessionChange } from './mfa.service.js';

const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  429: Problem,
};
const FactorParams = z.object({ id: z.uuid() });
const UserFactorParams = z.object({ id: z.uuid(), factorId: z.uuid() });

/**
 * Second factors: proving one for the session, enrolling and managing one's own, and an
 * administrator revoking a user's factor (lost device).
 */
export const mfaRoutes: FastifyPluginAsyncZod<{ mfa: MfaService; cookie: SessionCookie }> = async (
  app,
  { mfa, cookie },
) => {
  const tags = ['second factor'];

  /** A proven factor rotates the session: the browser gets the new token. */
  function applySession(reply: FastifyReply, change: SessionChange) {
    if (change.token) cookie.set(reply, change.token, new Date(change.info.absoluteExpiresAt));
  }

  /** Too many wrong codes: the answer says when to try again. */
  async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const wait = (error as { retryAfterMs?: number }).retryAfterMs;
      if (error instanceof AppError && wait !== undefined) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
      }
      throw error;
    }
  }

  app.post(
    '/api/v1/session/second-factor',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary:
          'Prove the second factor (app code, passkey or recovery code); rotates the session',
        body: SecondFactorRequest,
        response: { 200: SessionInfo, ...errors },
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        mfa.verifySecondFactor({ auth: request.auth!, request: request.body }),
      );
      applySession(reply, result);
      return result.info;
    },
  );

  app.post(
    '/api/v1/session/second-factor/passkey-options',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Options (challenge) for proving a passkey',
        response: { 200: WebAuthnJson, ...errors },
      },
    },
    async (request) =>
      (await mfa.passkeyAuthenticationOptions({ auth: request.auth! })) as unknown as Record<
        string,
        unknown
      >,
  );

  app.get(
    '/api/v1/me/factors',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My sign-in factors and how many recovery codes are left',
        response: { 200: FactorList, ...errors },
      },
    },
    async (request) => mfa.listFactors({ userId: request.auth!.user.id }),
  );

  app.post(
    '/api/v1/me/factors/totp',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app (secret shown once)',
        response: { 200: TotpEnrolment, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return mfa.startTotp({ auth: request.auth! });
    },
  );

  app.post(
    '/api/v1/me/factors/totp/confirm',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Confirm an authenticator app with its first code',
        body: ConfirmTotpRequest,
        response: { 200: EnrolmentResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        mfa.confirmTotp({ auth: request.auth!, ...request.body }),
      );
      applySession(reply, result);
      reply.header('cache-control', 'no-store');
      return { session: result.info, recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/v1/me/factors/passkey-options',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Options (challenge) for creating a passkey',
        response: { 200: WebAuthnJson, ...errors },
      },
    },
    async (request) =>
      (await mfa.passkeyRegistrationOptions({ auth: request.auth! })) as unknown as Record<
        string,
        unknown
      >,
  );

  app.post(
    '/api/v1/me/factors/passkey',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Store a new passkey from the browser’s answer',
        body: RegisterPasskeyRequest,
        response: { 200: EnrolmentResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await mfa.registerPasskey({ auth: request.auth!, ...request.body });
      applySession(reply, result);
      reply.header('cache-control', 'no-store');
      return { session: result.info, recoveryCodes: result.recoveryCodes };
    },
  );

  app.patch(
    '/api/v1/me/factors/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Rename one of my factors',
        params: FactorParams,
        body: RenameFactorRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await mfa.renameFactor({
        auth: request.auth!,
        factorId: request.params.id,
        label: request.body.label,
      });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/me/factors/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke one of my factors; my other sessions end',
        params: FactorParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      await mfa.revokeFactor({
        actor: auth.user.id,
        userId: auth.user.id,
        factorId: request.params.id,
        keepTokenHash: auth.tokenHash,
        byAdmin: false,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/recovery-codes',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'New recovery codes (shown once); the old ones stop working',
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return mfa.regenerateRecoveryCodes({ auth: request.auth! });
    },
  );

  app.post(
    '/api/v1/me/recovery-codes/confirmation',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Confirms that the recovery codes shown were kept; returns the session',
        response: { 200: SessionInfo, ...errors },
      },
    },
    async (request) => mfa.confirmRecoveryCodes({ auth: request.auth! }),
  );

  app.get(
    '/api/v1/users/:id/factors',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        summary: 'A user’s sign-in factors (administrators)',
        params: FactorParams,
        response: { 200: FactorList, ...errors },
      },
    },
    async (request) => mfa.listFactors({ userId: request.params.id }),
  );

  app.delete(
    '/api/v1/users/:id/factors/:factorId',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        summary: 'Revoke a user’s factor (lost device); the user’s sessions end',
        params: UserFactorParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await mfa.revokeFactor({
        actor: request.auth!.user.id,
        userId: request.params.id,
        factorId: request.params.factorId,
        keepTokenHash: null,
        byAdmin: true,
      });
      return reply.code(204).send(null);
    },
  );
};
