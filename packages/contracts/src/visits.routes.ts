import { route } from './route.js';
import { VisitListRequest, VisitListResult } from './visits.schemas.js';

/** Visit lists: a day's names and addresses checked in one batch, every line audited. */
export const visitsContract = {
  check: route({
    method: 'POST',
    path: '/api/v1/visit-lists',
    access: 'register.lookup',
    tag: 'lookup',
    summary:
      'Check a visit list (CSV with header row or one entry per line, at most 100) with one purpose; one audited look-up per line',
    body: VisitListRequest,
    status: 200,
    response: VisitListResult,
    problems: [400, 401, 403, 429],
  }),
};
