import { statisticsContract as contract } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fromContract } from '../../http/contract-route.js';
import type { StatisticsService } from './statistics.service.js';

/** Statistics of a period (`statistics.read`: registrars and the data protection officer). */
export const statisticsRoutes: FastifyPluginAsyncZod<{ statistics: StatisticsService }> = async (
  app,
  { statistics },
) => {
  const actor = (request: { auth?: { user: { id: string } } | null }) => request.auth!.user;

  app.route({
    ...fromContract(contract.report),
    handler: async (request) => statistics.report({ actor: actor(request), query: request.query }),
  });

  app.route({
    ...fromContract(contract.csv),
    handler: async (request, reply) => {
      const { csv, fileName } = await statistics.exportCsv({
        actor: actor(request),
        query: request.query,
      });
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          // a BOM: spreadsheet programmes then read the umlauts as UTF-8
          .send(`\ufeff${csv}`)
      );
    },
  });
};
