import { z } from 'zod';
import { AuditEventPage, AuditEventQuery } from './audit.schemas.js';
import { route } from './route.js';

/**
 * The audit log for the data protection officer (`audit.read`). The filter goes in the body of
 * a POST, never in the address: it may name a person or a file number, and addresses end up in
 * proxy logs and browser histories.
 */
const dpo = { access: 'audit.read', tag: 'audit', problems: [400, 401, 403] } as const;

export const auditContract = {
  events: route({
    ...dpo,
    method: 'POST',
    path: '/api/v1/audit/events/search',
    summary:
      'Audit events, newest first, filtered by time, user, department, action, person, purpose',
    body: AuditEventQuery,
    status: 200,
    response: AuditEventPage,
  }),
  eventsCsv: route({
    ...dpo,
    method: 'POST',
    path: '/api/v1/audit/events/export',
    summary: 'The filtered audit events as CSV (streamed; every matching event, not one page)',
    body: AuditEventQuery.omit({ before: true, limit: true }),
    status: 200,
    response: z.string(),
    produces: ['text/csv'],
  }),
};
