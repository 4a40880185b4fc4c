import { ImportReport, ImportRequest } from '@zemag/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ImportsService } from './imports.service.js';

// A 25,000-row user file is about 2 MB; leave room for long names and a header.
const IMPORT_BODY_LIMIT = 26 * 1024 * 1024;

/** CSV import of departments and users for the roll-out (dry run first, then apply). */
export const importsRoutes: FastifyPluginAsyncZod<{ imports: ImportsService }> = async (
  app,
  { imports },
) => {
  app.post(
    '/api/v1/imports/departments',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'department.manage' },
      schema: {
        tags: ['organisation'],
        summary:
          'Import departments from CSV (code;name;parent_code;contact;phone;lookup_authorised;lookup_reason)',
        body: ImportRequest,
        response: { 200: ImportReport },
      },
    },
    async (request) => imports.importDepartments({ actor: request.auth!.user.id, ...request.body }),
  );

  app.post(
    '/api/v1/imports/users',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'user.manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Import users from CSV (username;display_name;department_code;roles)',
        body: ImportRequest,
        response: { 200: ImportReport },
      },
    },
    async (request) => imports.importUsers({ actor: request.auth!.user.id, ...request.body }),
  );
};
