import { Department, DepartmentInput, Problem } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DepartmentsService } from './departments.service.js';

const IdParams = z.object({ id: z.uuid() });

/** Dienststellen: list, create, change (administrators). */
export const departmentsRoutes: FastifyPluginAsyncZod<{ departments: DepartmentsService }> = async (
  app,
  { departments },
) => {
  const byId = async (id: string) => {
    const { departments: list } = await departments.list();
    return list.find((d) => d.id === id)!;
  };

  app.get(
    '/api/v1/departments',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['organisation'],
        summary: 'All departments',
        response: { 200: z.object({ departments: z.array(Department) }) },
      },
    },
    async () => departments.list(),
  );

  app.post(
    '/api/v1/departments',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Create a department',
        body: DepartmentInput,
        response: { 201: Department, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const { department } = await departments.create({
        input: request.body,
        actor: request.auth!.user.id,
      });
      return reply.code(201).send(await byId(department.id));
    },
  );

  app.put(
    '/api/v1/departments/:id',
    {
      config: { permission: 'department.manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Change a department (also its look-up authorisation)',
        params: IdParams,
        body: DepartmentInput,
        response: { 200: Department, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      await departments.update({
        id: request.params.id,
        input: request.body,
        actor: request.auth!.user.id,
      });
      return byId(request.params.id);
    },
  );
};
