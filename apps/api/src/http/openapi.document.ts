import swagger from '@fastify/swagger';
import { allRoutes } from '@zemag/contracts';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { fromContract } from './contract-route.js';
import { openApiOptions } from './openapi.js';
import { registerStrictBodies } from './strict-bodies.js';

/** The cookie name over https, as a production instance answers. */
const COOKIE_NAME = '__Host-zemag_session';

/**
 * The OpenAPI document of the HTTP contract (packages/contracts), without a database: the
 * contract's routes on a bare Fastify instance with the hooks that shape schemas, as the API
 * registers them. `npm run -s zemag -- openapi --out openapi.json` writes it.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerStrictBodies(app);
  await app.register(swagger, openApiOptions({ cookieName: COOKIE_NAME }));
  for (const contract of allRoutes()) {
    app.route({ ...fromContract(contract), handler: async () => null });
  }
  await app.ready();
  try {
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** The document as the checked-in file holds it: two-space JSON with a final newline. */
export async function openApiText(): Promise<string> {
  return `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`;
}
