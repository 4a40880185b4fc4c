import { alarmsContract as contract, IdempotencyKey } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/app-error.js';
import { fromContract } from '../../http/contract-route.js';
import type { AlarmsService } from './alarms.service.js';

/** The silent alarm: the field employee's phone and the control room's board. */
export const alarmsRoutes: FastifyPluginAsyncZod<{ alarms: AlarmsService }> = async (
  app,
  { alarms },
) => {
  const actor = (request: { auth?: { user: { id: string } } | null }) => request.auth!.user;

  app.route({
    ...fromContract(contract.raise),
    handler: async (request, reply) => {
      const key = IdempotencyKey.safeParse(request.headers['idempotency-key']);
      if (!key.success) {
        throw new AppError(400, 'idempotency.key_required', { field: 'Idempotency-Key' });
      }
      const result = await alarms.raise({
        actor: actor(request),
        key: key.data,
        input: request.body,
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  app.route({
    ...fromContract(contract.mine),
    handler: async (request) => alarms.mine({ actor: actor(request) }),
  });

  app.route({
    ...fromContract(contract.position),
    handler: async (request) =>
      alarms.position({ actor: actor(request), id: request.params.id, fix: request.body }),
  });

  app.route({
    ...fromContract(contract.cancel),
    handler: async (request) =>
      alarms.cancel({ actor: actor(request), id: request.params.id, pin: request.body.pin }),
  });

  app.route({
    ...fromContract(contract.setPins),
    handler: async (request) => alarms.setPins({ actor: actor(request), input: request.body }),
  });

  app.route({
    ...fromContract(contract.board),
    handler: async (request) => alarms.board({ actor: actor(request) }),
  });

  app.route({
    ...fromContract(contract.get),
    handler: async (request) => alarms.get({ actor: actor(request), id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.acknowledge),
    handler: async (request) =>
      alarms.acknowledge({ actor: actor(request), id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.note),
    handler: async (request) =>
      alarms.note({ actor: actor(request), id: request.params.id, note: request.body.note }),
  });

  app.route({
    ...fromContract(contract.close),
    handler: async (request) =>
      alarms.close({ actor: actor(request), id: request.params.id, input: request.body }),
  });
};
