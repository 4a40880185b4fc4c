import { LookupReasonList, LookupRequest, LookupResult } from './lookup.schemas.js';
import { route } from './route.js';

/** Look-ups before a visit (field staff and registrars); every one is audited. */
export const lookupContract = {
  lookup: route({
    method: 'POST',
    path: '/api/v1/lookups',
    access: 'register.lookup',
    tag: 'lookup',
    summary:
      'Look up a person or address with a stated purpose (audited; field staff get the minimal answer)',
    body: LookupRequest,
    status: 200,
    response: LookupResult,
    problems: [400, 401, 403, 429],
  }),
  reasons: route({
    method: 'GET',
    path: '/api/v1/lookups/reasons',
    access: 'register.lookup',
    tag: 'lookup',
    summary: 'The reasons a look-up may state',
    status: 200,
    response: LookupReasonList,
    problems: [400, 401, 403],
  }),
};
