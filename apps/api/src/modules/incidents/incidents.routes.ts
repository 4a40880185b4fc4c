import { IdempotencyKey, incidentsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/app-error.js';
import type { IncidentsService } from './incidents.service.js';

/** Room for a long description: an over-long one gets a field error, not "request too large". */
const REPORT_BODY_LIMIT = 8 * 1024 * 1024;

/** Reports: submit (idempotent), own reports, the registrars' review. */
export const incidentsRoutes: FastifyPluginAsyncZod<{ incidents: IncidentsService }> = async (
  app,
  { incidents },
) => {
  app.route({
    ...fromContract(contract.submit),
    bodyLimit: REPORT_BODY_LIMIT,
    handler: async (request, reply) => {
      const key = IdempotencyKey.safeParse(request.headers['idempotency-key']);
      if (!key.success) {
        throw new AppError(400, 'idempotency.key_required', { field: 'Idempotency-Key' });
      }
      const result = await incidents.submit({
        actor: request.auth!.user,
        key: key.data,
        report: request.body,
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.receipt);
    },
  });

  app.route({
    ...fromContract(contract.listMine),
    handler: async (request) => incidents.listMine({ actor: request.auth!.user }),
  });

  app.route({
    ...fromContract(contract.reviewQueue),
    handler: async (request) => incidents.reviewQueue({ actor: request.auth!.user }),
  });

  app.route({
    ...fromContract(contract.get),
    handler: async (request) => incidents.get({ actor: request.auth!.user, id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.amend),
    bodyLimit: REPORT_BODY_LIMIT,
    handler: async (request) =>
      incidents.amend({
        actor: request.auth!.user,
        id: request.params.id,
        report: request.body.report,
        answer: request.body.answer,
      }),
  });

  app.route({
    ...fromContract(contract.startReview),
    handler: async (request) =>
      incidents.startReview({ actor: request.auth!.user, id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.decide),
    handler: async (request) =>
      incidents.decide({
        actor: request.auth!.user,
        id: request.params.id,
        decision: request.body,
      }),
  });
};
