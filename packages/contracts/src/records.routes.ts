import { z } from 'zod';
import { RecordsOfProcessing } from './records.schemas.js';
import { route } from './route.js';

/**
 * The record of processing activities (Art. 30 GDPR) for the data protection officer and the
 * administrators (`records.read`): no register content, only what the configuration says.
 */
const records = { access: 'records.read', tag: 'records', problems: [401, 403] } as const;

export const recordsContract = {
  read: route({
    ...records,
    method: 'GET',
    path: '/api/v1/records-of-processing',
    summary: 'The record of processing activities (Art. 30 GDPR), from the running configuration',
    status: 200,
    response: RecordsOfProcessing,
  }),
  markdown: route({
    ...records,
    method: 'GET',
    path: '/api/v1/records-of-processing/export',
    summary: 'The record of processing activities as a Markdown file (attachment)',
    status: 200,
    response: z.string(),
    produces: ['text/markdown'],
  }),
};
