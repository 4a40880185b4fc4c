import { Readable } from 'node:stream';
import { auditContract as contract } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fromContract } from '../../http/contract-route.js';
import type { AuditViews } from './audit-views.service.js';

/** The audit log for the data protection officer (`audit.read`). */
export const auditRoutes: FastifyPluginAsyncZod<{ auditViews: AuditViews }> = async (
  app,
  { auditViews },
) => {
  const actor = (request: { auth?: { user: { id: string } } | null }) => request.auth!.user;

  app.route({
    ...fromContract(contract.events),
    handler: async (request) => auditViews.events({ actor: actor(request), query: request.body }),
  });

  app.route({
    ...fromContract(contract.eventsCsv),
    handler: async (request, reply) => {
      const lines = auditViews.exportCsv({ actor: actor(request), query: request.body });
      // the first line (after the audit event of the export is committed) before the headers go
      const first = await lines.next();
      async function* all() {
        // a BOM: spreadsheet programmes then read the umlauts as UTF-8
        yield '\ufeff';
        if (!first.done) yield first.value;
        yield* lines;
      }
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="Protokoll.csv"')
          // a stream is piped as it is (the contract's `string` describes the body for OpenAPI)
          .send(Readable.from(all()) as unknown as string)
      );
    },
  });
};
