import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document is generated from the routes' zod schemas: served as JSON at
 * /api/openapi.json and browsable at /api/docs, when ZEMAG_API_DOCS is on (default except in
 * production; when off, both paths answer 404 like any unknown path). The session cookie is the default security
 * scheme; public routes override it with `security: []` (see access.ts).
 */
export async function registerOpenApi(
  app: FastifyInstance,
  { cookieName }: { cookieName: string },
) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ZeMAG API',
        description: 'Zentrales Melde- und Auskunftssystem bei Gefährdung von Mitarbeitenden',
        version: '1',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: cookieName } },
      },
      security: [{ sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(async (docs) => {
    // The UI's own routes are public like the document they show.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  );
}
