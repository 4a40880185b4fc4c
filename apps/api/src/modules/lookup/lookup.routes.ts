import { LookupReasonList, LookupRequest, LookupResult, Problem } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LookupService } from './lookup.service.js';

const tags = ['lookup'];
const errors = { 400: Problem, 401: Problem, 403: Problem };

/** Look-ups before a visit (field staff and registrars); every one is audited. */
export const lookupRoutes: FastifyPluginAsyncZod<{ lookup: LookupService }> = async (
  app,
  { lookup },
) => {
  app.post(
    '/api/v1/lookups',
    {
      config: { permission: 'register.lookup' },
      schema: {
        tags,
        summary:
          'Look up a person or address with a stated purpose (audited; field staff get the minimal answer)',
        body: LookupRequest,
        response: { 200: LookupResult, ...errors },
      },
    },
    async (request, reply) => {
      // The answer carries register data: never cached, also not by a proxy or the browser.
      reply.header('cache-control', 'no-store');
      return lookup.lookup({ actor: request.auth!.user, request: request.body });
    },
  );

  app.get(
    '/api/v1/lookups/reasons',
    {
      config: { permission: 'register.lookup' },
      schema: {
        tags,
        summary: 'The reasons a look-up may state',
        response: { 200: LookupReasonList, ...errors },
      },
    },
    async () => lookup.reasons(),
  );
};
