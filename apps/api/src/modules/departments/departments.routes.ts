import { departmentsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DepartmentsService } from './departments.service.js';

/** Dienststellen: list, create, change (administrators). */
export const departmentsRoutes: FastifyPluginAsyncZod<{ departments: DepartmentsService }> = async (
  app,
  { departments },
) => {
  const byId = async (id: string) => {
    const { departments: list } = await departments.list();
    return list.find((d) => d.id === id)!;
  };

  app.route({
    ...fromContract(contract.list),
    handler: async () => departments.list(),
  });

  app.route({
    ...fromContract(contract.create),
    handler: async (request, reply) => {
      const { department } = await departments.create({
        input: request.body,
        actor: request.auth!.user.id,
      });
      return reply.code(201).send(await byId(department.id));
    },
  });

  app.route({
    ...fromContract(contract.update),
    handler: async (request) => {
      await departments.update({
        id: request.params.id,
        input: request.body,
        actor: request.auth!.user.id,
      });
      return byId(request.params.id);
    },
  });
};
