import {
  CreatedUser,
  CreateUserRequest,
  PendingStatusRequest,
  Problem,
  ReasonRequest,
  UpdateUserRequest,
  UserDetail,
  UserSearchQuery,
  UserSearchResult,
} from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UsersService } from './users.service.js';

const IdParams = z.object({ id: z.uuid() });
const errors = { 400: Problem, 403: Problem, 404: Problem, 409: Problem };

/** User administration (administrators only; never register content). Grants: grants.routes.ts. */
export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (
  app,
  { users },
) => {
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
        summary:
          'Create an employee account (role reporter, no password) with its one-time activation link',
        body: CreateUserRequest,
        response: { 201: CreatedUser, ...errors },
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
        summary:
          'Disable an account; its sessions end. 202: a holder of a four-eyes role waits for a second person',
        params: IdParams,
        body: ReasonRequest,
        response: { 200: UserDetail, 202: UserDetail, ...errors },
      },
    },
    async (request, reply) => {
      const { pending, user } = await users.disable({
        actor: request.auth!.user.id,
        id: request.params.id,
        reason: request.body.reason,
      });
      return reply.code(pending ? 202 : 200).send(user);
    },
  );

  app.post(
    '/api/v1/users/:id/enable',
    {
      config,
      schema: {
        tags,
        summary:
          'Enable a disabled account. 202: a holder of a four-eyes role waits for a second person',
        params: IdParams,
        response: { 200: UserDetail, 202: UserDetail, ...errors },
      },
    },
    async (request, reply) => {
      const { pending, user } = await users.enable({
        actor: request.auth!.user.id,
        id: request.params.id,
      });
      return reply.code(pending ? 202 : 200).send(user);
    },
  );

  app.get(
    '/api/v1/status-requests',
    {
      config,
      schema: {
        tags,
        summary: 'Requests to disable or enable an account that wait for a second person',
        response: { 200: z.object({ pending: z.array(PendingStatusRequest) }) },
      },
    },
    async () => users.statusRequests.listPending(),
  );

  app.post(
    '/api/v1/users/:id/status-request/confirm',
    {
      config,
      schema: {
        tags,
        summary: 'Confirm the open request to disable or enable the account (second person)',
        params: IdParams,
        response: { 200: UserDetail, ...errors },
      },
    },
    async (request) => {
      await users.statusRequests.confirm({ actor: request.auth!.user.id, id: request.params.id });
      return users.get({ id: request.params.id });
    },
  );

  app.post(
    '/api/v1/users/:id/status-request/decline',
    {
      config,
      schema: {
        tags,
        summary: 'Decline or withdraw the open request to disable or enable the account',
        params: IdParams,
        body: ReasonRequest,
        response: { 200: UserDetail, ...errors },
      },
    },
    async (request) => {
      await users.statusRequests.decline({
        actor: request.auth!.user.id,
        id: request.params.id,
        reason: request.body.reason,
      });
      return users.get({ id: request.params.id });
    },
  );
};
