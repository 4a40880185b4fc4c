import {
  CreateUserRequest,
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
};
