import {
  GrantRequest,
  PendingGrant,
  Problem,
  ReasonRequest,
  RecertifyAnswer,
  ROLES,
} from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GrantsService } from './grants.service.js';

const IdParams = z.object({ id: z.uuid() });
const GrantParams = z.object({ id: z.uuid(), role: z.enum(ROLES) });
const errors = { 400: Problem, 403: Problem, 404: Problem, 409: Problem };
const GrantList = z.array(PendingGrant);

/** Role grants: grant, four-eyes confirmation, revocation, re-certification (administrators). */
export const grantsRoutes: FastifyPluginAsyncZod<{ grants: GrantsService }> = async (
  app,
  { grants },
) => {
  const config = { permission: 'user.manage' } as const;
  const tags = ['organisation'];

  app.post(
    '/api/v1/users/:id/grants',
    {
      config,
      schema: {
        tags,
        summary: 'Grant a role (registrar, dpo and admin wait for a second administrator)',
        params: IdParams,
        body: GrantRequest,
        response: { 201: z.object({ status: z.enum(['pending', 'active']) }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await grants.grant({
          actor: request.auth!.user.id,
          userId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/users/:id/grants/:role/confirm',
    {
      config,
      schema: {
        tags,
        summary: 'Confirm a pending grant (second administrator)',
        params: GrantParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await grants.confirm({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
      });
      return reply.code(204).send(null);
    },
  );

  // Actions that remove a grant and must say why.
  const withReason = {
    decline: { summary: 'Decline a pending grant', run: grants.decline },
    revoke: { summary: 'Revoke a grant; the user’s sessions end', run: grants.revoke },
  } as const;
  for (const [action, { summary, run }] of Object.entries(withReason)) {
    app.post(
      `/api/v1/users/:id/grants/:role/${action}`,
      {
        config,
        schema: {
          tags,
          summary,
          params: GrantParams,
          body: ReasonRequest,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await run({
          actor: request.auth!.user.id,
          userId: request.params.id,
          role: request.params.role,
          reason: request.body.reason,
        });
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/v1/users/:id/grants/:role/recertify',
    {
      config,
      schema: {
        tags,
        summary: 'Confirm that a grant is still needed',
        params: GrantParams,
        response: { 200: RecertifyAnswer, ...errors },
      },
    },
    async (request) =>
      grants.recertify({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
      }),
  );

  app.get(
    '/api/v1/grants/pending',
    {
      config,
      schema: {
        tags,
        summary: 'Grants waiting for a second administrator',
        response: { 200: z.object({ pending: GrantList }) },
      },
    },
    async () => grants.listPending(),
  );

  app.get(
    '/api/v1/grants/recertification-due',
    {
      config,
      schema: {
        tags,
        summary: 'Active grants due for re-certification within 30 days, or overdue',
        response: { 200: z.object({ due: GrantList }) },
      },
    },
    async () => grants.listDue(),
  );
};
