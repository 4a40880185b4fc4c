import { importsContract as contract } from '@zemag/contracts';
import { fromContract } from '../../http/contract-route.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ImportsService } from './imports.service.js';

// A 25,000-row user file is about 2 MB; leave room for long names and a header.
const IMPORT_BODY_LIMIT = 26 * 1024 * 1024;

/** CSV import of departments and users for the roll-out (dry run first, then apply). */
export const importsRoutes: FastifyPluginAsyncZod<{ imports: ImportsService }> = async (
  app,
  { imports },
) => {
  app.route({
    ...fromContract(contract.importDepartments),
    bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (request) =>
      imports.importDepartments({ actor: request.auth!.user.id, ...request.body }),
  });

  app.route({
    ...fromContract(contract.importUsers),
    bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (request) =>
      imports.importUsers({ actor: request.auth!.user.id, ...request.body }),
  });
};
