import { z } from 'zod';
import { AuditEventPage, AuditEventQuery } from './audit.schemas.js';
import { route } from './route.js';

/** The audit log for the data protection officer (`audit.read`). */
const dpo = { access: 'audit.read', tag: 'audit', problems: [400, 401, 403] } as const;

export const auditContract = {
  events: route({
    ...dpo,
    method: 'GET',
    path: '/api/v1/audit/events',
    summary:
      'Audit events, newest first, filtered by time, user, department, action, person, purpose',
    query: AuditEventQuery,
    status: 200,
    response: AuditEventPage,
  }),
  eventsCsv: route({
    ...dpo,
    method: 'GET',
    path: '/api/v1/audit/events.csv',
    summary: 'The filtered audit events as CSV (streamed; every matching event, not one page)',
    query: AuditEventQuery.omit({ before: true, limit: true }),
    status: 200,
    response: z.string(),
    produces: ['text/csv'],
  }),
};
