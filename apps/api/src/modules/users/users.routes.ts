import {
  CreateUserRequest,
  GrantRequest,
  PendingGrant,
  Problem,
  ReasonRequest,
  ROLES,
  UpdateUserRequest,
  UserDetail,
  UserSearchQuery,
  UserSearchResult,
} from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GrantsService } from '../grants/grants.service.js';
import type { UsersService } from './users.service.js';

const IdParams = z.object({ id: z.uuid() });
const GrantParams = z.object({ id: z.uuid(), role: z.enum(ROLES) });
const errors = { 400: Problem, 403: Problem, 404: Problem, 409: Problem };

/** User administration and role grants (administrators only; never register content). */
export const usersRoutes: FastifyPluginAsyncZod<{
  users: UsersService;
  grants: GrantsService;
}> = async (app, { users, grants }) => {
  const config = { permission: 'user.manage' } as const;
  const tags = ['organisation'];

  app.get(
    '/api/v1/users',
    {
      config,
      schema: {
        tags,
        summary: 'Search users',
        querystring: UserSearchQuery,
        response: { 200: UserSearchResult },
      },
    },
    async (request) => users.search(request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create an employee account (role reporter)',
        body: CreateUserRequest,
        response: { 201: UserDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await users.create({ actor: request.auth!.user.id, input: request.body })),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One user with their grants',
        params: IdParams,
        response: { 200: UserDetail, 404: Problem },
      },
    },
    async (request) => users.get({ id: request.params.id }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change name or department',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserDetail, ...errors },
      },
    },
    async (request) =>
      users.update({ actor: request.auth!.user.id, id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/v1/users/:id/disable',
    {
      config,
      schema: {
        tags,
        summary: 'Disable an account; its sessions end',
        params: IdParams,
        body: ReasonRequest,
        response: { 200: UserDetail, ...errors },
      },
    },
    async (request) =>
      users.disable({
        actor: request.auth!.user.id,
        id: request.params.id,
        reason: request.body.reason,
      }),
  );

  app.post(
    '/api/v1/users/:id/enable',
    {
      config,
      schema: {
        tags,
        summary: 'Enable a disabled account',
        params: IdParams,
        response: { 200: UserDetail, ...errors },
      },
    },
    async (request) => users.enable({ actor: request.auth!.user.id, id: request.params.id }),
  );

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

  app.post(
    '/api/v1/users/:id/grants/:role/decline',
    {
      config,
      schema: {
        tags,
        summary: 'Decline a pending grant',
        params: GrantParams,
        body: ReasonRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await grants.decline({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/users/:id/grants/:role/revoke',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke a grant; the user’s sessions end',
        params: GrantParams,
        body: ReasonRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await grants.revoke({
        actor: request.auth!.user.id,
        userId: request.params.id,
        role: request.params.role,
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/users/:id/grants/:role/recertify',
    {
      config,
      schema: {
        tags,
        summary: 'Confirm that a grant is still needed',
        params: GrantParams,
        response: { 200: z.object({ recertifyBy: z.iso.date() }), ...errors },
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
        response: { 200: z.object({ pending: z.array(PendingGrant) }) },
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
        response: { 200: z.object({ due: z.array(PendingGrant) }) },
      },
    },
    async () => grants.listDue(),
  );
};
