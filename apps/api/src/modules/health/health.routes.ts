import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';

const Health = z.object({ status: z.enum(['ok', 'ready', 'unavailable']) });

/** `/healthz`: the process answers. `/readyz`: the database answers and is fully migrated. */
export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (
  app,
  { database },
) => {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: { tags: ['health'], summary: 'Process is up', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Database reachable and all migrations applied',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      try {
        await database.ping();
        const { applied, expected } = await database.migrationStatus();
        if (applied === expected) return { status: 'ready' as const };
        request.log.warn({ applied, expected }, 'migrations pending');
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
      }
      return reply.code(503).send({ status: 'unavailable' as const });
    },
  );
};
