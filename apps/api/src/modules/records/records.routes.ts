import { recordsContract as contract, recordsFileName } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fromContract } from '../../http/contract-route.js';
import type { RecordsService } from './records.service.js';

/** The record of processing activities for the DPO and the administrators (`records.read`). */
export const recordsRoutes: FastifyPluginAsyncZod<{ records: RecordsService }> = async (
  app,
  { records },
) => {
  app.route({
    ...fromContract(contract.read),
    handler: async (request) => records.read({ actor: request.auth!.user }),
  });

  app.route({
    ...fromContract(contract.markdown),
    handler: async (request, reply) => {
      const { markdown, date } = await records.exportMarkdown({ actor: request.auth!.user });
      return reply
        .type('text/markdown; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${recordsFileName(date)}"`)
        .send(markdown);
    },
  });
};
