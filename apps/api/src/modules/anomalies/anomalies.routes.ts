import { anomaliesContract as contract } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fromContract } from '../../http/contract-route.js';
import type { AnomaliesService } from './anomalies.service.js';

/** The anomaly rules and their findings for the data protection officer (`audit.read`). */
export const anomaliesRoutes: FastifyPluginAsyncZod<{ anomalies: AnomaliesService }> = async (
  app,
  { anomalies },
) => {
  const actor = (request: { auth?: { user: { id: string } } | null }) => request.auth!.user;

  app.route({ ...fromContract(contract.rules), handler: async () => anomalies.rules() });

  app.route({
    ...fromContract(contract.findings),
    handler: async (request) => anomalies.findings({ actor: actor(request), query: request.body }),
  });

  app.route({
    ...fromContract(contract.review),
    handler: async (request) =>
      anomalies.review({
        actor: actor(request),
        id: request.params.id,
        note: request.body.note,
      }),
  });
};
