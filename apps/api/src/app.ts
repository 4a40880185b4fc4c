import { randomUUID } from 'node:crypto';
import cookiePlugin from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { accessPlugin } from './http/access.js';
import { clientErrorHandler } from './http/client-error.js';
import { registerErrorHandlers } from './http/error-handler.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurity } from './http/security.js';
import { registerStrictBodies } from './http/strict-bodies.js';
import { registerTextInputRule } from './http/text-input.js';
import { createSessionCookie } from './http/session-cookie.js';
import { registerWebApp } from './http/web-app.js';
import { demoRoutes } from './modules/demo/demo.routes.js';
import { createDemoService } from './modules/demo/demo.service.js';
import { departmentsRoutes } from './modules/departments/departments.routes.js';
import { activationRoutes } from './modules/activation/activation.routes.js';
import { grantsRoutes } from './modules/grants/grants.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { incidentsRoutes } from './modules/incidents/incidents.routes.js';
import { listingsRoutes } from './modules/listings/listings.routes.js';
import { subjectRequestsRoutes } from './modules/subject-requests/subject-requests.routes.js';
import { lookupRoutes } from './modules/lookup/lookup.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { personsRoutes } from './modules/persons/persons.routes.js';
import { correctionsRoutes } from './modules/corrections/corrections.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { mfaRoutes } from './modules/mfa/mfa.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { ssoRoutes } from './modules/sso/sso.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { visitsRoutes } from './modules/visits/visits.routes.js';
import { createServices } from './services.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { alarmsRoutes } from './modules/alarms/alarms.routes.js';
import { anomaliesRoutes } from './modules/anomalies/anomalies.routes.js';
import { recordsRoutes } from './modules/records/records.routes.js';
import { createRecordsService } from './modules/records/records.service.js';
import { prepareFieldEncryption } from './modules/encryption/field-encryption.startup.js';
import { statisticsRoutes } from './modules/statistics/statistics.routes.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
}

/**
 * The whole application without `listen`: server.ts runs it, tests call `app.inject()`.
 * Every feature module adds its routes here, each with its services passed in.
 */
export async function buildApp(
  { config, database, clock = systemClock }: AppDeps,
  options: Pick<FastifyServerOptions, 'logger'> = {},
) {
  const app = Fastify({
    ...options,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a form or text post from another site cannot reach a handler.
  app.removeContentTypeParser('text/plain');

  const services = createServices({ db: database.db, clock, config });
  // narratives and notes are stored encrypted: keys opened, older plain text sealed
  await prepareFieldEncryption({ db: database.db, cipher: services.cipher });
  // The audit chain is linked after commit; at close the last events are linked first.
  services.auditChainer.start({
    onError: (error) => app.log.warn({ err: error }, 'audit chain: linking failed, retried'),
  });
  app.addHook('onClose', () => services.auditChainer.stop());
  const cookie = createSessionCookie({ secure: config.secureTransport });

  registerErrorHandlers(app);
  registerTextInputRule(app);
  registerStrictBodies(app);
  await app.register(cookiePlugin);
  await registerSecurity(app, config);
  await app.register(accessPlugin, { identity: services.identity, cookie });
  if (config.apiDocs) await registerOpenApi(app, { cookieName: cookie.name });

  await app.register(healthRoutes, { database });
  await app.register(identityRoutes, { identity: services.identity, cookie });
  await app.register(mfaRoutes, { mfa: services.mfa, cookie });
  await app.register(setupRoutes, { setup: services.setup });
  await app.register(departmentsRoutes, { departments: services.departments });
  await app.register(usersRoutes, { users: services.users });
  await app.register(grantsRoutes, { grants: services.grants });
  await app.register(activationRoutes, { activation: services.activation });
  await app.register(ssoRoutes, { sso: services.sso, cookie });
  await app.register(importsRoutes, { imports: services.imports });
  await app.register(incidentsRoutes, { incidents: services.incidents });
  await app.register(personsRoutes, { persons: services.persons });
  await app.register(correctionsRoutes, { corrections: services.corrections });
  await app.register(listingsRoutes, { listings: services.listings });
  await app.register(subjectRequestsRoutes, { subjectRequests: services.subjectRequests });
  await app.register(lookupRoutes, { lookup: services.lookup });
  await app.register(visitsRoutes, { visits: services.visits });
  await app.register(notificationsRoutes, { notifications: services.notifications });
  await app.register(auditRoutes, { auditViews: services.auditViews });
  await app.register(anomaliesRoutes, { anomalies: services.anomalies });
  await app.register(alarmsRoutes, { alarms: services.alarms });
  // The record of processing states the whole configuration: built here, where all of it is.
  await app.register(recordsRoutes, {
    records: createRecordsService({
      db: database.db,
      engine: database.engine,
      audit: services.audit,
      clock,
      config,
    }),
  });
  await app.register(statisticsRoutes, { statistics: services.statistics });
  await app.register(demoRoutes, {
    enabled: config.demo,
    demo: createDemoService({ db: database.db, ...services }),
    cookie,
  });

  await registerWebApp(app, { webDir: config.webDir });
  return { app, services };
}
export type App = Awaited<ReturnType<typeof buildApp>>['app'];
