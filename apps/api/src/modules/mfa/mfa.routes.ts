import { mfaContract as contract } from '@zemag/contracts';
import type { FastifyReply } from 'fastify';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/app-error.js';
import type { SessionCookie } from '../../http/session-cookie.js';
import type { MfaService, SessionChange } from './mfa.service.js';

/** WebAuthn options as the JSON the browser receives. */
type JsonObject = Record<string, unknown>;

/**
 * Second factors: proving one for the session, enrolling and managing one's own, and an
 * administrator revoking a user's factor (lost device).
 */
export const mfaRoutes: FastifyPluginAsyncZod<{ mfa: MfaService; cookie: SessionCookie }> = async (
  app,
  { mfa, cookie },
) => {
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

  app.route({
    ...fromContract(contract.verifySecondFactor),
    handler: async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        mfa.verifySecondFactor({ auth: request.auth!, request: request.body }),
      );
      applySession(reply, result);
      return result.info;
    },
  });

  app.route({
    ...fromContract(contract.passkeyAuthenticationOptions),
    handler: async (request) =>
      (await mfa.passkeyAuthenticationOptions({ auth: request.auth! })) as unknown as JsonObject,
  });

  app.route({
    ...fromContract(contract.listFactors),
    handler: async (request) => mfa.listFactors({ userId: request.auth!.user.id }),
  });

  app.route({
    ...fromContract(contract.startTotp),
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return mfa.startTotp({ auth: request.auth! });
    },
  });

  app.route({
    ...fromContract(contract.confirmTotp),
    handler: async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        mfa.confirmTotp({ auth: request.auth!, ...request.body }),
      );
      applySession(reply, result);
      reply.header('cache-control', 'no-store');
      return { session: result.info, recoveryCodes: result.recoveryCodes };
    },
  });

  app.route({
    ...fromContract(contract.passkeyRegistrationOptions),
    handler: async (request) =>
      (await mfa.passkeyRegistrationOptions({ auth: request.auth! })) as unknown as JsonObject,
  });

  app.route({
    ...fromContract(contract.registerPasskey),
    handler: async (request, reply) => {
      const result = await mfa.registerPasskey({ auth: request.auth!, ...request.body });
      applySession(reply, result);
      reply.header('cache-control', 'no-store');
      return { session: result.info, recoveryCodes: result.recoveryCodes };
    },
  });

  app.route({
    ...fromContract(contract.renameFactor),
    handler: async (request, reply) => {
      await mfa.renameFactor({
        auth: request.auth!,
        factorId: request.params.id,
        label: request.body.label,
      });
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...fromContract(contract.revokeFactor),
    handler: async (request, reply) => {
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
  });

  app.route({
    ...fromContract(contract.regenerateRecoveryCodes),
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return mfa.regenerateRecoveryCodes({ auth: request.auth! });
    },
  });

  app.route({
    ...fromContract(contract.confirmRecoveryCodes),
    handler: async (request) => mfa.confirmRecoveryCodes({ auth: request.auth! }),
  });

  app.route({
    ...fromContract(contract.userFactors),
    handler: async (request) => mfa.listFactors({ userId: request.params.id }),
  });

  app.route({
    ...fromContract(contract.revokeUserFactor),
    handler: async (request, reply) => {
      await mfa.revokeFactor({
        actor: request.auth!.user.id,
        userId: request.params.id,
        factorId: request.params.factorId,
        keepTokenHash: null,
        byAdmin: true,
      });
      return reply.code(204).send(null);
    },
  });
};
