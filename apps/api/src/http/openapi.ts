import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerOpenApiComponents } from '@zemag/contracts';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI options: the session cookie is the default security scheme; public routes
 * override it with `security: []`. The schemas named in packages/contracts'
 * openapi.components.ts become components referenced by `$ref`.
 */
export function openApiOptions({
  cookieName,
}: {
  cookieName: string;
}): FastifyDynamicSwaggerOptions {
  registerOpenApiComponents();
  return {
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
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document)),
  };
}

const REF = '#/components/schemas/';

/** Every schema name a `$ref` in `node` points to. */
function refsIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF)) {
        found.add(value.slice(REF.length));
      } else refsIn(value, found);
    }
  }
  return found;
}

/**
 * The document without the components no path uses: each registered schema comes as an input
 * and an output variant (`ProblemInput`, `Problem`), and mostly only one is referenced.
 */
export function withoutUnusedSchemas<D extends { paths?: unknown; components?: object }>(
  document: D,
): D {
  const schemas = (document.components as { schemas?: Record<string, unknown> } | undefined)
    ?.schemas;
  if (!schemas) return document;
  const used = refsIn(document.paths, new Set());
  for (let grew = true; grew;) {
    const before = used.size;
    for (const name of [...used]) refsIn(schemas[name], used);
    grew = used.size > before;
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}

/**
 * The OpenAPI document is generated from the routes' zod schemas: served as JSON at
 * /api/openapi.json and browsable at /api/docs, when ZEMAG_API_DOCS is on (default except in
 * production; when off, both paths answer 404 like any unknown path). The checked-in copy,
 * openapi.json at the repository root, comes from the same contract (openapi.document.ts).
 */
export async function registerOpenApi(
  app: FastifyInstance,
  { cookieName }: { cookieName: string },
) {
  await app.register(swagger, openApiOptions({ cookieName }));

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
