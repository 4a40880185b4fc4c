import { subjectRequestsContract as contract } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fromContract } from '../../http/contract-route.js';
import type { SubjectRequestsService } from './subject-requests.service.js';

/** Data-subject requests (Art. 15–18, 21 GDPR), for registrars (`listing.manage`). */
export const subjectRequestsRoutes: FastifyPluginAsyncZod<{
  subjectRequests: SubjectRequestsService;
}> = async (app, { subjectRequests: service }) => {
  const actor = (request: { auth?: { user: { id: string } } | null }) => request.auth!.user;

  app.route({
    ...fromContract(contract.record),
    handler: async (request, reply) =>
      reply.code(201).send(await service.record({ actor: actor(request), input: request.body })),
  });

  app.route({
    ...fromContract(contract.list),
    handler: async (request) =>
      service.list({ actor: actor(request), status: request.query.status }),
  });

  app.route({
    ...fromContract(contract.get),
    handler: async (request) => service.get({ actor: actor(request), id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.extend),
    handler: async (request) =>
      service.extend({ actor: actor(request), id: request.params.id, ...request.body }),
  });

  app.route({
    ...fromContract(contract.answer),
    handler: async (request) =>
      service.answer({ actor: actor(request), id: request.params.id, answer: request.body }),
  });

  /** The access answer (Art. 15 GDPR) as a download named after the request's reference. */
  function accessDownload<T extends { reference: string }>(
    route: typeof contract.accessJson | typeof contract.accessPdf,
    format: 'json' | 'pdf',
    answer: {
      type: string;
      load(input: { actor: { id: string }; id: string }): Promise<T>;
      body(result: T): string | Buffer;
    },
  ) {
    app.route({
      ...fromContract(route),
      handler: async (request, reply) => {
        const result = await answer.load({ actor: actor(request), id: request.params.id });
        return reply
          .type(answer.type)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="Auskunft-${result.reference}.${format}"`,
          )
          .send(answer.body(result));
      },
    });
  }
  accessDownload(contract.accessJson, 'json', {
    type: 'application/json; charset=utf-8',
    load: (input) => service.accessJson(input),
    body: ({ data }) => JSON.stringify(data, null, 2),
  });
  accessDownload(contract.accessPdf, 'pdf', {
    type: 'application/pdf',
    load: (input) => service.accessPdf(input),
    body: ({ pdf }) => Buffer.from(pdf),
  });

  app.route({
    ...fromContract(contract.proposeErasure),
    handler: async (request) =>
      service.proposeErasure({ actor: actor(request), id: request.params.id }),
  });

  app.route({
    ...fromContract(contract.confirmErasure),
    handler: async (request) =>
      service.confirmErasure({ actor: actor(request), id: request.params.id }),
  });
};
