import { Problem, VisitListRequest, VisitListResult } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VisitsService } from './visits.service.js';

const tags = ['lookup'];
const errors = { 400: Problem, 401: Problem, 403: Problem };

/** Visit lists: a day's names and addresses checked in one batch, every line audited. */
export const visitsRoutes: FastifyPluginAsyncZod<{ visits: VisitsService }> = async (
  app,
  { visits },
) => {
  app.post(
    '/api/v1/visit-lists',
    {
      config: { permission: 'register.lookup' },
      schema: {
        tags,
        summary:
          'Check a visit list (CSV with header row or one entry per line, at most 100) with one purpose; one audited look-up per line',
        body: VisitListRequest,
        response: { 200: VisitListResult, ...errors },
      },
    },
    async (request, reply) => {
      // The answer carries register data: never cached, also not by a proxy or the browser.
      reply.header('cache-control', 'no-store');
      return visits.check({ actor: request.auth!.user, request: request.body });
    },
  );
};
